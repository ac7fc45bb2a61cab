package io.tidemark.spec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the JSON of an add action token by token, without building a tree: a manifest row is
 * one such object, and a full plan reads one per live file. Only the plain form is read here:
 * every field known, present at most once, not null, of exactly the expected JSON type, no
 * deletion vector. Anything else returns null, and the caller decodes the text with the strict
 * tree decoder, which accepts or refuses it with its own message: so both paths give the same
 * result for every input.
 */
final class FastAddReader {
  private FastAddReader() {}

  /** The add, or null when the text is not in the plain form (decode it the strict way). */
  static AddFile read(String json) {
    try (JsonParser p = CommitCodec.MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String path = null;
      Map<String, Object> partitionValues = null;
      Integer specId = null;
      Long size = null;
      Long recordCount = null;
      Map<Integer, ColumnStats> stats = null;
      Boolean dataChange = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "path" -> {
            if (path != null || value != JsonToken.VALUE_STRING) {
              return null;
            }
            path = p.getText();
          }
          case "partitionValues" -> {
            if (partitionValues != null || (partitionValues = scalars(p, value)) == null) {
              return null;
            }
          }
          case "specId" -> {
            Long v = integer(p, value);
            if (specId != null || v == null || v != v.intValue()) {
              return null;
            }
            specId = v.intValue();
          }
          case "size" -> {
            if (size != null || (size = integer(p, value)) == null) {
              return null;
            }
          }
          case "recordCount" -> {
            if (recordCount != null || (recordCount = integer(p, value)) == null) {
              return null;
            }
          }
          case "stats" -> {
            if (stats != null || (stats = stats(p, value)) == null) {
              return null;
            }
          }
          case "dataChange" -> {
            if (dataChange != null || (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE)) {
              return null;
            }
            dataChange = value == JsonToken.VALUE_TRUE;
          }
          default -> {
            return null; // a deletion vector, a field of a later version, or a mistake
          }
        }
      }
      if (p.nextToken() != null || path == null || specId == null || size == null || recordCount == null
          || dataChange == null) {
        return null;
      }
      return new AddFile(path, partitionValues == null ? new LinkedHashMap<>() : partitionValues, specId, size,
          recordCount, stats == null ? new TreeMap<>() : stats, dataChange);
    } catch (IOException | RuntimeException e) {
      return null; // the strict decoder says what is wrong
    }
  }

  private static Long integer(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      return null;
    }
    return p.getLongValue();
  }

  /** A JSON scalar as the strict decoder reads it; {@code this} class when it is not one. */
  private static Object scalar(JsonParser p, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? FastAddReader.class
          : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> {
        double d = p.getDoubleValue();
        yield Double.isInfinite(d) ? FastAddReader.class : d;
      }
      default -> FastAddReader.class;
    };
  }

  private static Map<String, Object> scalars(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      Object v = scalar(p, p.nextToken());
      if (v == FastAddReader.class || out.containsKey(key)) {
        return null;
      }
      out.put(key, v);
    }
    return out;
  }

  private static Map<Integer, ColumnStats> stats(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      return null;
    }
    Map<Integer, ColumnStats> out = new TreeMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      if (key.isEmpty() || !(Character.isDigit(key.charAt(0)) || key.charAt(0) == '-')) {
        return null;
      }
      int id = Integer.parseInt(key); // not a number: refused by the strict decoder
      ColumnStats s = columnStats(p, p.nextToken());
      if (s == null || out.put(id, s) != null) {
        return null;
      }
    }
    return out;
  }

  private static ColumnStats columnStats(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      return null;
    }
    Long nullCount = null;
    Long nanCount = null;
    Object min = null;
    Object max = null;
    boolean seenNan = false;
    boolean seenMin = false;
    boolean seenMax = false;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "nullCount" -> {
          if (nullCount != null || (nullCount = integer(p, v)) == null) {
            return null;
          }
        }
        case "nanCount" -> {
          if (seenNan || (nanCount = integer(p, v)) == null) {
            return null;
          }
          seenNan = true;
        }
        case "min" -> {
          if (seenMin || v == JsonToken.VALUE_NULL || (min = scalar(p, v)) == FastAddReader.class) {
            return null;
          }
          seenMin = true;
        }
        case "max" -> {
          if (seenMax || v == JsonToken.VALUE_NULL || (max = scalar(p, v)) == FastAddReader.class) {
            return null;
          }
          seenMax = true;
        }
        default -> {
          return null;
        }
      }
    }
    return nullCount == null ? null : new ColumnStats(nullCount, nanCount, min, max);
  }
}

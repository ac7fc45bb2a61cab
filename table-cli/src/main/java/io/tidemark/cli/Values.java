package io.tidemark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.data.Record;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * How values are shown: timestamps as ISO-8601 instants in UTC and timestamp_ntz as ISO local
 * date-times, both with 3, 6 or 9 fraction digits (see {@link Timestamps#iso(Instant)}),
 * decimals in plain notation, binary as base64, and structs, lists and maps as JSON.
 */
final class Values {
  private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

  private Values() {}

  /** The text of a value, as CSV holds it; null for null. */
  static String text(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof String s) {
      return s;
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Instant t) {
      return Timestamps.iso(t);
    } else if (value instanceof LocalDateTime t) {
      return Timestamps.iso(t);
    } else if (value instanceof ByteBuffer || value instanceof byte[]) {
      return base64(value);
    } else if (value instanceof Record || value instanceof List || value instanceof Map) {
      return Json.compact(json(value));
    }
    return value.toString(); // booleans, numbers, dates
  }

  /** How an aligned table shows null: apart from the string {@code "null"}, as DuckDB does. */
  static final String NULL = "NULL";

  /** The text of a value for an aligned table: {@link #NULL} for null, control characters escaped. */
  static String display(Object value) {
    if (value == null) {
      return NULL;
    }
    String text = text(value);
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        if (sb == null) {
          sb = new StringBuilder(text.substring(0, i));
        }
        sb.append(switch (c) {
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          default -> String.format("\\u%04x", (int) c);
        });
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * The text cut to at most {@code max} characters (code points), the last being {@code …} when
   * anything was cut; {@code max <= 0} keeps it whole.
   */
  static String truncate(String text, int max) {
    if (max <= 0 || text.length() <= max || text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /** The JSON form of a value: numbers and booleans as such, everything else as in {@link #text}. */
  static JsonNode json(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? NODES.textNode(f.toString()) : NODES.numberNode(f);
    } else if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? NODES.textNode(d.toString()) : NODES.numberNode(d);
    } else if (value instanceof BigDecimal d) {
      return DecimalNode.valueOf(d); // as it is: the factory may strip trailing zeros
    } else if (value instanceof Record r) {
      ObjectNode node = NODES.objectNode();
      for (int i = 0; i < r.size(); i++) {
        node.set(r.struct().fields().get(i).name(), json(r.get(i)));
      }
      return node;
    } else if (value instanceof List<?> list) {
      ArrayNode node = NODES.arrayNode();
      list.forEach(element -> node.add(json(element)));
      return node;
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      map.forEach((k, v) -> node.set(text(k), json(v)));
      return node;
    }
    return NODES.textNode(text(value));
  }

  private static String base64(Object value) {
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    ByteBuffer b = ((ByteBuffer) value).duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}

package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Record;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.types.Comparators;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column statistics a data file of some records must carry, computed from the values
 * themselves and none of the writer's code (only the spec's orders, its JSON forms and the bound
 * truncation, which have tests of their own): the oracle the writer's statistics are checked
 * against. Values are taken as the file stores them: timestamps cut to microseconds, strings as
 * their UTF-8 bytes decode.
 */
final class StatsOracle {
  private StatsOracle() {}

  /**
   * The statistics of every primitive column of the struct not inside a list or a map, keyed by
   * field id in schema order (depth first).
   */
  static Map<Integer, ColumnStats> expected(StructType struct, List<Record> records) {
    Map<Integer, ColumnStats> out = new LinkedHashMap<>();
    collect(struct, new int[0], records, out);
    return out;
  }

  private static void collect(StructType struct, int[] prefix, List<Record> records, Map<Integer, ColumnStats> out) {
    List<NestedField> fields = struct.fields();
    for (int i = 0; i < fields.size(); i++) {
      NestedField f = fields.get(i);
      int[] path = Arrays.copyOf(prefix, prefix.length + 1);
      path[prefix.length] = i;
      if (f.type() instanceof StructType s) {
        collect(s, path, records, out);
      } else if (!(f.type() instanceof ListType) && !(f.type() instanceof MapType)) {
        List<Object> values = new ArrayList<>(records.size());
        for (Record r : records) {
          values.add(valueAt(r, path));
        }
        out.put(f.id(), column(f.type(), values));
      }
    }
  }

  /** The value at a path of struct positions; null when it or a struct around it is null. */
  private static Object valueAt(Record record, int[] path) {
    Object v = record;
    for (int position : path) {
      if (v == null) {
        return null;
      }
      v = ((Record) v).get(position);
    }
    return v;
  }

  /** The statistics of one column's values (nulls included). */
  static ColumnStats column(Type type, List<Object> values) {
    boolean floating = type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
    long nulls = 0;
    long nans = 0;
    List<Object> bounded = new ArrayList<>();
    for (Object v : values) {
      if (v == null) {
        nulls++;
      } else if (floating && Double.isNaN(((Number) v).doubleValue())) {
        nans++;
      } else {
        bounded.add(stored(type, v));
      }
    }
    Long nanCount = floating ? nans : null;
    if (bounded.isEmpty()) {
      return new ColumnStats(nulls, nanCount, null, null);
    }
    // Float.compareTo and Double.compareTo put -0.0 below 0.0, as the stats must.
    Comparator<Object> order = Comparators.forType(type);
    Object min = Collections.min(bounded, order);
    Object max = Collections.max(bounded, order);
    return new ColumnStats(nulls, nanCount, lower(type, min), upper(type, max));
  }

  private static Object stored(Type type, Object v) {
    if (type == PrimitiveType.TIMESTAMP) {
      Instant i = (Instant) v;
      // the nanosecond part is never negative, so cutting it floors toward the past
      return Instant.ofEpochSecond(i.getEpochSecond(), i.getNano() / 1000 * 1000L);
    } else if (type == PrimitiveType.TIMESTAMP_NTZ) {
      LocalDateTime t = (LocalDateTime) v;
      return t.withNano(t.getNano() / 1000 * 1000);
    } else if (type == PrimitiveType.STRING) {
      return new String(((String) v).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
    return v;
  }

  private static Object lower(Type type, Object min) {
    if (type == PrimitiveType.STRING) {
      return BoundTruncation.lowerBound((String) min);
    } else if (type == PrimitiveType.BINARY) {
      return JsonValues.toJson(type, BoundTruncation.lowerBound((ByteBuffer) min));
    }
    return JsonValues.toJson(type, min);
  }

  private static Object upper(Type type, Object max) {
    if (type == PrimitiveType.STRING) {
      return BoundTruncation.upperBound((String) max);
    } else if (type == PrimitiveType.BINARY) {
      return JsonValues.toJson(type, BoundTruncation.upperBound((ByteBuffer) max));
    }
    return JsonValues.toJson(type, max);
  }
}

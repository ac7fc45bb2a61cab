package io.tidemark.core.internal.expr;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Field bounds given by hand, or computed from rows as spec.md says writers compute them. */
final class TestBounds implements FieldBounds {
  /** Strings and binaries longer than this are truncated, as spec.md says. */
  static final int TRUNCATE = 16;

  private final Long rows;
  private final Map<Integer, Long> nulls = new HashMap<>();
  private final Map<Integer, Long> nans = new HashMap<>();
  private final Map<Integer, Object> lower = new HashMap<>();
  private final Map<Integer, Object> upper = new HashMap<>();

  private TestBounds(Long rows) {
    this.rows = rows;
  }

  /** Bounds of this many rows (null: unknown) and nothing known about any field yet. */
  static TestBounds rows(Long rows) {
    return new TestBounds(rows);
  }

  static TestBounds rows(long rows) {
    return new TestBounds(rows);
  }

  /** Sets what is known of one field; nulls are unknowns. */
  TestBounds field(int id, Long nullCount, Long nanCount, Object min, Object max) {
    nulls.put(id, nullCount);
    nans.put(id, nanCount);
    lower.put(id, min);
    upper.put(id, max);
    return this;
  }

  @Override
  public Long rowCount() {
    return rows;
  }

  @Override
  public Long nullCount(int fieldId) {
    return nulls.get(fieldId);
  }

  @Override
  public Long nanCount(int fieldId) {
    return nans.get(fieldId);
  }

  @Override
  public Object lower(int fieldId) {
    return lower.get(fieldId);
  }

  @Override
  public Object upper(int fieldId) {
    return upper.get(fieldId);
  }

  @Override
  public String toString() {
    return "rows=" + rows + " nulls=" + nulls + " nans=" + nans + " lower=" + lower + " upper=" + upper;
  }

  /**
   * The statistics a writer records for these rows of a struct: for every primitive field
   * reachable through structs, null and NaN counts and min/max of the other values, strings and
   * binaries truncated to 16 code points / bytes (the upper bound incremented).
   */
  static TestBounds compute(StructType struct, List<Record> records) {
    TestBounds b = new TestBounds((long) records.size());
    collect(b, struct, new int[0], records);
    return b;
  }

  private static void collect(TestBounds b, StructType struct, int[] prefix, List<Record> records) {
    for (int i = 0; i < struct.fields().size(); i++) {
      NestedField f = struct.fields().get(i);
      int[] path = Arrays.copyOf(prefix, prefix.length + 1);
      path[prefix.length] = i;
      if (f.type() instanceof StructType s) {
        collect(b, s, path, records);
      } else if (!f.type().isNested()) {
        long nullCount = 0;
        long nanCount = 0;
        Object min = null;
        Object max = null;
        Comparator<Object> order = writerOrder(f.type());
        for (Record r : records) {
          Object v = value(r, path);
          if (v == null) {
            nullCount++;
          } else if (Literals.isNaN(v)) {
            nanCount++;
          } else {
            v = micros(v);
            if (min == null || order.compare(v, min) < 0) {
              min = v;
            }
            if (max == null || order.compare(v, max) > 0) {
              max = v;
            }
          }
        }
        boolean floating = Literals.isFloating(f.type());
        b.field(f.id(), nullCount, floating ? nanCount : null, truncateLower(min), truncateUpper(max));
      }
    }
  }

  private static Object micros(Object v) {
    if (v instanceof Instant i) {
      return i.truncatedTo(ChronoUnit.MICROS);
    }
    if (v instanceof LocalDateTime t) {
      return t.truncatedTo(ChronoUnit.MICROS);
    }
    return v;
  }

  /** The writer's order: like the filter's, but floats by Double.compare (-0.0 before 0.0). */
  private static Comparator<Object> writerOrder(Type type) {
    if (type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE) {
      return (a, c) -> Double.compare(((Number) a).doubleValue(), ((Number) c).doubleValue());
    }
    return Literals.comparator(type);
  }

  static Object value(Record r, int[] path) {
    Object v = r;
    for (int p : path) {
      if (v == null) {
        return null;
      }
      v = ((Record) v).get(p);
    }
    return v;
  }

  static Object truncateLower(Object min) {
    if (min instanceof String s && s.codePointCount(0, s.length()) > TRUNCATE) {
      return s.substring(0, s.offsetByCodePoints(0, TRUNCATE));
    }
    if (min instanceof ByteBuffer b && b.remaining() > TRUNCATE) {
      byte[] bytes = new byte[TRUNCATE];
      b.duplicate().get(bytes);
      return ByteBuffer.wrap(bytes);
    }
    return min;
  }

  static Object truncateUpper(Object max) {
    if (max instanceof String s && s.codePointCount(0, s.length()) > TRUNCATE) {
      int[] cps = s.codePoints().limit(TRUNCATE).toArray();
      for (int i = cps.length - 1; i >= 0; i--) {
        int next = cps[i] + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
          next = Character.MAX_SURROGATE + 1;
        }
        if (next <= Character.MAX_CODE_POINT) {
          cps[i] = next;
          return new String(cps, 0, i + 1);
        }
      }
      return null;
    }
    if (max instanceof ByteBuffer b && b.remaining() > TRUNCATE) {
      byte[] bytes = new byte[TRUNCATE];
      b.duplicate().get(bytes);
      for (int i = TRUNCATE - 1; i >= 0; i--) {
        if (bytes[i] != (byte) 0xFF) {
          bytes[i]++;
          return ByteBuffer.wrap(Arrays.copyOf(bytes, i + 1));
        }
      }
      return null;
    }
    return max;
  }
}

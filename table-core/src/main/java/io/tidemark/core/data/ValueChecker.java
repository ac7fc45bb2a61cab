package io.tidemark.core.data;

import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a Java value fits a field's type and returns it in its stored form (immutable
 * copies of lists, maps and byte buffers; decimals at the type's scale). The Java class of each
 * type: boolean Boolean, int Integer, long Long, float Float, double Double, decimal BigDecimal,
 * date LocalDate, timestamp Instant, timestamp_ntz LocalDateTime, string String, binary
 * ByteBuffer (a byte[] is accepted and wrapped), struct Record, list List, map Map. A timestamp
 * or timestamp_ntz may also be given as a Long of microseconds since 1970 ({@link Micros}); it is
 * stored as an Instant or LocalDateTime. A reusable record is stored as an immutable copy.
 */
final class ValueChecker {
  private ValueChecker() {}

  static Object check(String field, Type type, boolean required, Object value) {
    if (value == null) {
      if (required) {
        throw new SchemaMismatchException(field, "a non-null " + type, "null");
      }
      return null;
    }
    if (type instanceof PrimitiveType p) {
      return primitive(field, p, value);
    } else if (type instanceof DecimalType d) {
      return decimal(field, d, value);
    } else if (type instanceof StructType s) {
      if (!(value instanceof Record r)) {
        throw mismatch(field, type, value);
      }
      if (!r.struct().equals(s)) {
        throw new SchemaMismatchException(field, type.toString(), "a record of " + r.struct());
      }
      // a reusable record changes with its next row; the value keeps this row's
      return r.toImmutable();
    } else if (type instanceof ListType l) {
      if (!(value instanceof List<?> list)) {
        throw mismatch(field, type, value);
      }
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(check(field + ".element", l.elementType(), l.elementRequired(), element));
      }
      return Collections.unmodifiableList(out);
    } else if (type instanceof MapType m) {
      if (!(value instanceof Map<?, ?> map)) {
        throw mismatch(field, type, value);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(check(field + ".key", m.keyType(), true, e.getKey()),
            check(field + ".value", m.valueType(), m.valueRequired(), e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    throw new IllegalStateException("unhandled type " + type);
  }

  private static Object primitive(String field, PrimitiveType type, Object value) {
    boolean ok = switch (type) {
      case BOOLEAN -> value instanceof Boolean;
      case INT -> value instanceof Integer;
      case LONG -> value instanceof Long;
      case FLOAT -> value instanceof Float;
      case DOUBLE -> value instanceof Double;
      case DATE -> value instanceof LocalDate;
      case TIMESTAMP -> value instanceof Instant || value instanceof Long;
      case TIMESTAMP_NTZ -> value instanceof LocalDateTime || value instanceof Long;
      case STRING -> value instanceof String;
      case BINARY -> value instanceof ByteBuffer || value instanceof byte[];
    };
    if (!ok) {
      throw mismatch(field, type, value);
    }
    if (value instanceof Long micros && (type == PrimitiveType.TIMESTAMP || type == PrimitiveType.TIMESTAMP_NTZ)) {
      return type == PrimitiveType.TIMESTAMP ? Micros.toInstant(micros) : Micros.toLocalDateTime(micros);
    }
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer();
    }
    if (value instanceof ByteBuffer b && !b.isReadOnly()) {
      ByteBuffer copy = ByteBuffer.allocate(b.remaining());
      copy.put(b.duplicate()).flip();
      return copy.asReadOnlyBuffer();
    }
    return value;
  }

  private static Object decimal(String field, DecimalType type, Object value) {
    if (!(value instanceof BigDecimal d)) {
      throw mismatch(field, type, value);
    }
    BigDecimal scaled;
    try {
      scaled = d.setScale(type.scale());
    } catch (ArithmeticException e) {
      throw new SchemaMismatchException(field, type + " (scale " + type.scale() + ")", d.toPlainString());
    }
    if (scaled.precision() > type.precision()) {
      throw new SchemaMismatchException(field, type.toString(), d.toPlainString() + " (too many digits)");
    }
    return scaled;
  }

  private static SchemaMismatchException mismatch(String field, Type type, Object value) {
    String shown = String.valueOf(value);
    if (shown.length() > 64) {
      shown = shown.substring(0, 61) + "...";
    }
    return new SchemaMismatchException(field, type.toString(), value.getClass().getSimpleName() + " " + shown);
  }
}

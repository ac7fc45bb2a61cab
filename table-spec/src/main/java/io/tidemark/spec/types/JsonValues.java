package io.tidemark.spec.types;

import io.tidemark.spec.error.InvalidArgumentException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The JSON single-value form of a primitive value, used for statistics bounds and partition
 * values in the log. Each form is a JSON scalar held as {@code Boolean}, {@code Long},
 * {@code Double} or {@code String}:
 * <ul>
 *   <li>boolean: JSON boolean; int and long: JSON integer;</li>
 *   <li>float and double: JSON number, or the strings {@code "NaN"}, {@code "Infinity"},
 *       {@code "-Infinity"};</li>
 *   <li>decimal: the plain decimal string with the type's scale, e.g. {@code "12.50"};</li>
 *   <li>date: {@code "2024-01-02"}; timestamp: ISO-8601 instant in UTC, e.g.
 *       {@code "2024-01-02T10:00:00.000001Z"}; timestamp_ntz: {@code "2024-01-02T10:00:00.000001"};</li>
 *   <li>string: the string; binary: base64.</li>
 * </ul>
 */
public final class JsonValues {
  private JsonValues() {}

  /** The JSON single-value form of a Java value of this type (see {@link PrimitiveType} for Java classes). */
  public static Object toJson(Type type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType d) {
      try {
        return ((BigDecimal) value).setScale(d.scale()).toPlainString();
      } catch (ArithmeticException e) {
        throw new InvalidArgumentException("value " + value + " does not fit " + type, e);
      }
    }
    switch ((PrimitiveType) type) {
      case BOOLEAN:
        return value;
      case INT:
        return ((Integer) value).longValue();
      case LONG:
        return value;
      case FLOAT:
        return floating(((Float) value).doubleValue());
      case DOUBLE:
        return floating((Double) value);
      case DATE:
        return value.toString();
      case TIMESTAMP_NTZ:
        // always with seconds (LocalDateTime.toString drops ":00"), so equal values have one form
        LocalDateTime local = (LocalDateTime) value;
        return local.getSecond() == 0 && local.getNano() == 0 ? local + ":00" : local.toString();
      case TIMESTAMP:
        return value.toString();
      case STRING:
        return value;
      case BINARY: {
        ByteBuffer b = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
      }
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  private static Object floating(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    return d;
  }

  /**
   * The Java value of a JSON single-value form of this type.
   *
   * @throws InvalidArgumentException when the form does not fit the type
   */
  public static Object fromJson(Type type, Object json) {
    if (json == null) {
      return null;
    }
    try {
      if (type instanceof DecimalType d) {
        return new BigDecimal((String) json).setScale(d.scale());
      }
      switch ((PrimitiveType) type) {
        case BOOLEAN:
          return (Boolean) json;
        case INT:
          return Math.toIntExact((Long) json);
        case LONG:
          return (Long) json;
        case FLOAT:
          return (float) toDouble(json);
        case DOUBLE:
          return toDouble(json);
        case DATE:
          return LocalDate.parse((String) json);
        case TIMESTAMP:
          return Instant.parse((String) json);
        case TIMESTAMP_NTZ:
          return LocalDateTime.parse((String) json);
        case STRING:
          return (String) json;
        case BINARY:
          return ByteBuffer.wrap(Base64.getDecoder().decode((String) json)).asReadOnlyBuffer();
        default:
          throw new IllegalStateException("unhandled type " + type);
      }
    } catch (ClassCastException | ArithmeticException | DateTimeParseException
        | IllegalArgumentException e) {
      throw new InvalidArgumentException("value " + json + " is not a JSON form of " + type, e);
    }
  }

  private static double toDouble(Object json) {
    if (json instanceof String s) {
      switch (s) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          throw new IllegalArgumentException("not a float: " + s);
      }
    }
    return ((Number) json).doubleValue();
  }
}

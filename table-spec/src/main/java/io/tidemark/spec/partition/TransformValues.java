package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.FloatText;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Shared checks and conversions of the transforms. */
final class TransformValues {
  private TransformValues() {}

  /** True for the types a partition value can have: every primitive and decimal, no nested type. */
  static boolean isPrimitive(Type type) {
    return type instanceof PrimitiveType || type instanceof DecimalType;
  }

  /** Fails unless the transform applies to the type. */
  static void checkApplies(Transform transform, Type sourceType) {
    if (sourceType == null || !transform.canApplyTo(sourceType)) {
      throw new InvalidArgumentException("transform " + transform + " cannot be applied to type " + sourceType);
    }
  }

  /** The value as the Java class the type requires, or an error naming both. */
  static <T> T as(Transform transform, Type sourceType, Object value, Class<T> javaClass) {
    if (!javaClass.isInstance(value)) {
      throw new InvalidArgumentException("transform " + transform + " on a " + sourceType + " value expects "
          + javaClass.getSimpleName() + ", got " + value.getClass().getName() + " (" + value + ")");
    }
    return javaClass.cast(value);
  }

  /** The decimal brought to the type's scale, or an error when that needs rounding. */
  static BigDecimal decimal(Transform transform, DecimalType type, Object value) {
    BigDecimal d = as(transform, type, value, BigDecimal.class);
    try {
      return d.setScale(type.scale());
    } catch (ArithmeticException e) {
      throw new InvalidArgumentException("decimal " + d + " does not fit " + type + " without rounding", e);
    }
  }

  /** Whole seconds since 1970-01-01T00:00 UTC (floor) of a timestamp or timestamp_ntz value. */
  static long epochSecond(Transform transform, Type sourceType, Object value) {
    if (sourceType == PrimitiveType.TIMESTAMP) {
      return as(transform, sourceType, value, Instant.class).getEpochSecond();
    }
    return as(transform, sourceType, value, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC);
  }

  /** Microseconds since 1970-01-01T00:00 UTC (floor) of a timestamp or timestamp_ntz value. */
  static long epochMicros(Transform transform, Type sourceType, Object value) {
    long seconds;
    int nanos;
    if (sourceType == PrimitiveType.TIMESTAMP) {
      Instant i = as(transform, sourceType, value, Instant.class);
      seconds = i.getEpochSecond();
      nanos = i.getNano();
    } else {
      LocalDateTime t = as(transform, sourceType, value, LocalDateTime.class);
      seconds = t.toEpochSecond(ZoneOffset.UTC);
      nanos = t.getNano();
    }
    try {
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
    } catch (ArithmeticException e) {
      throw new InvalidArgumentException(sourceType + " value " + value + " is out of the microsecond range", e);
    }
  }

  /** A long result that must fit the 32-bit int result type. */
  static int toInt(Transform transform, long result, Object value) {
    if (result < Integer.MIN_VALUE || result > Integer.MAX_VALUE) {
      throw new InvalidArgumentException("transform " + transform + " of " + value
          + " is out of the range of its int result");
    }
    return (int) result;
  }

  /**
   * A value as readable text: its JSON single-value form (spec.md section 6), strings as they
   * are, integers and booleans as JSON writes them, floats and doubles in their one
   * {@link FloatText canonical text} (no {@code -0.0}, one NaN).
   */
  static String text(Type type, Object value) {
    if (value == null) {
      return PartitionPaths.NULL_VALUE;
    }
    if (type == PrimitiveType.FLOAT) {
      return FloatText.of((Float) value);
    }
    if (type == PrimitiveType.DOUBLE) {
      return FloatText.of((Double) value);
    }
    return String.valueOf(JsonValues.toJson(type, value));
  }

  /**
   * A float or double brought to its one form per value of spec.md's value order: {@code -0.0}
   * becomes {@code 0.0} (they are equal numbers) and every NaN the canonical NaN (NaN payloads
   * carry no meaning); other values are returned as they are.
   */
  static Object canonicalFloating(Object value) {
    if (value instanceof Double d) {
      return d.isNaN() ? Double.NaN : d == 0 ? 0.0d : d;
    }
    if (value instanceof Float f) {
      return f.isNaN() ? Float.NaN : f == 0 ? 0.0f : f;
    }
    return value;
  }
}

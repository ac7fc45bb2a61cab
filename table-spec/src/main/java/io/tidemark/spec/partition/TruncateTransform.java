package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * {@code truncate[W]}: int and long {@code v - floorMod(v, W)}; decimal the same on the unscaled
 * value (scale kept); string its first W code points; binary its first W bytes. A number whose
 * result would fall below the type's least value gives that least value, so order is kept.
 *
 * @param width W, positive
 */
record TruncateTransform(int width) implements Transform {
  TruncateTransform {
    if (width <= 0) {
      throw new InvalidArgumentException("truncate width must be positive, was " + width);
    }
  }

  @Override
  public String name() {
    return "truncate";
  }

  @Override
  public int parameter() {
    return width;
  }

  @Override
  public boolean canApplyTo(Type sourceType) {
    return sourceType instanceof DecimalType || sourceType == PrimitiveType.INT || sourceType == PrimitiveType.LONG
        || sourceType == PrimitiveType.STRING || sourceType == PrimitiveType.BINARY;
  }

  @Override
  public Type resultType(Type sourceType) {
    TransformValues.checkApplies(this, sourceType);
    return sourceType;
  }

  @Override
  public Object apply(Type sourceType, Object value) {
    TransformValues.checkApplies(this, sourceType);
    if (value == null) {
      return null;
    }
    if (sourceType instanceof DecimalType d) {
      BigInteger unscaled = TransformValues.decimal(this, d, value).unscaledValue();
      BigInteger truncated = unscaled.subtract(unscaled.mod(BigInteger.valueOf(width)));
      BigInteger least = BigInteger.TEN.pow(d.precision()).subtract(BigInteger.ONE).negate();
      return new BigDecimal(truncated.max(least), d.scale());
    }
    switch ((PrimitiveType) sourceType) {
      case INT: {
        int v = TransformValues.as(this, sourceType, value, Integer.class);
        return (int) Math.max((long) v - Math.floorMod(v, width), Integer.MIN_VALUE);
      }
      case LONG: {
        long v = TransformValues.as(this, sourceType, value, Long.class);
        long mod = Math.floorMod(v, (long) width);
        return v < Long.MIN_VALUE + mod ? Long.MIN_VALUE : v - mod;
      }
      case STRING: {
        String s = TransformValues.as(this, sourceType, value, String.class);
        if (s.length() <= width || s.codePointCount(0, s.length()) <= width) {
          return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, width));
      }
      case BINARY: {
        ByteBuffer b = TransformValues.as(this, sourceType, value, ByteBuffer.class);
        if (b.remaining() <= width) {
          return b;
        }
        byte[] prefix = new byte[width];
        b.duplicate().get(prefix);
        return ByteBuffer.wrap(prefix).asReadOnlyBuffer();
      }
      default:
        throw new IllegalStateException("unhandled type " + sourceType);
    }
  }

  @Override
  public boolean preservesOrder() {
    return true;
  }

  @Override
  public String toPathString(Type sourceType, Object partitionValue) {
    return TransformValues.text(sourceType, partitionValue);
  }

  @Override
  public String toString() {
    return "truncate[" + width + "]";
  }
}

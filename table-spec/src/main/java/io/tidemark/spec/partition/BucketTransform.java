package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * {@code bucket[N]}: {@code (murmur3_x86_32(canonical bytes) & Integer.MAX_VALUE) % N}, an int
 * in {@code [0, N)}; for int, long, decimal, date, timestamp, timestamp_ntz, string and binary.
 *
 * @param numBuckets N, positive
 */
record BucketTransform(int numBuckets) implements Transform {
  BucketTransform {
    if (numBuckets <= 0) {
      throw new InvalidArgumentException("bucket count must be positive, was " + numBuckets);
    }
  }

  @Override
  public String name() {
    return "bucket";
  }

  @Override
  public int parameter() {
    return numBuckets;
  }

  @Override
  public boolean canApplyTo(Type sourceType) {
    if (sourceType instanceof DecimalType) {
      return true;
    }
    if (!(sourceType instanceof PrimitiveType p)) {
      return false;
    }
    switch (p) {
      case INT:
      case LONG:
      case DATE:
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
      case STRING:
      case BINARY:
        return true;
      default:
        return false;
    }
  }

  @Override
  public Type resultType(Type sourceType) {
    TransformValues.checkApplies(this, sourceType);
    return PrimitiveType.INT;
  }

  @Override
  public Object apply(Type sourceType, Object value) {
    TransformValues.checkApplies(this, sourceType);
    if (value == null) {
      return null;
    }
    return (hash(sourceType, value) & Integer.MAX_VALUE) % numBuckets;
  }

  /**
   * The 32-bit Murmur3 hash of a value's canonical bytes: int, long, date (days since
   * 1970-01-01), timestamp and timestamp_ntz (microseconds since 1970-01-01T00:00 UTC) as the
   * 8 little-endian bytes of a long; decimal as the minimal two's-complement big-endian bytes of
   * its unscaled value at the type's scale; string as UTF-8; binary as its bytes.
   */
  int hash(Type sourceType, Object value) {
    Transform t = this;
    if (sourceType instanceof DecimalType d) {
      return Murmur3.hash(TransformValues.decimal(t, d, value).unscaledValue().toByteArray());
    }
    switch ((PrimitiveType) sourceType) {
      case INT:
        return Murmur3.hashLong(TransformValues.as(t, sourceType, value, Integer.class));
      case LONG:
        return Murmur3.hashLong(TransformValues.as(t, sourceType, value, Long.class));
      case DATE:
        return Murmur3.hashLong(TransformValues.as(t, sourceType, value, LocalDate.class).toEpochDay());
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return Murmur3.hashLong(TransformValues.epochMicros(t, sourceType, value));
      case STRING:
        return Murmur3.hash(TransformValues.as(t, sourceType, value, String.class).getBytes(StandardCharsets.UTF_8));
      case BINARY: {
        ByteBuffer b = TransformValues.as(t, sourceType, value, ByteBuffer.class);
        if (b.hasArray()) {
          return Murmur3.hash(b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return Murmur3.hash(bytes);
      }
      default:
        throw new InvalidArgumentException("type " + sourceType + " has no bucket hash");
    }
  }

  @Override
  public boolean preservesOrder() {
    return false;
  }

  @Override
  public String toPathString(Type sourceType, Object partitionValue) {
    return partitionValue == null ? PartitionPaths.NULL_VALUE : partitionValue.toString();
  }

  @Override
  public String toString() {
    return "bucket[" + numBuckets + "]";
  }
}

package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The transforms that claim to keep order do: over sorted random values (fixed seeds) of every
 * type they apply to, the results never decrease. Bucket results stay in range.
 */
class OrderPreservationTest {
  private static final int VALUES = 2000;
  private static final long MICROS_200_YEARS = 200L * 366 * 24 * 3600 * 1_000_000;
  private static final DecimalType DEC = Types.decimal(9, 2);
  private static final DecimalType WIDE = Types.decimal(38, 10);

  private final Random random = new Random(20240102L);

  @Test
  void identityKeepsOrder() {
    for (Type type : List.of(Types.INT, Types.LONG, DEC, WIDE, Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_NTZ,
        Types.STRING, Types.BINARY)) {
      checkMonotone(Transforms.identity(), type);
    }
  }

  @Test
  void truncateKeepsOrderForEveryWidthAndType() {
    for (int width : new int[] {1, 2, 3, 7, 10, 100, 1 << 20}) {
      for (Type type : List.of(Types.INT, Types.LONG, DEC, WIDE, Types.STRING, Types.BINARY)) {
        checkMonotone(Transforms.truncate(width), type);
      }
    }
  }

  @Test
  void timeTransformsKeepOrderIncludingBefore1970() {
    for (Transform t : List.of(Transforms.year(), Transforms.month(), Transforms.day(), Transforms.hour())) {
      for (Type type : List.of(Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_NTZ)) {
        if (t.canApplyTo(type)) {
          checkMonotone(t, type);
        }
      }
    }
  }

  @Test
  void bucketValuesStayWithinRangeForEveryType() {
    for (int n : new int[] {1, 2, 16, 1000, Integer.MAX_VALUE}) {
      Transform bucket = Transforms.bucket(n);
      for (Type type : List.of(Types.INT, Types.LONG, DEC, WIDE, Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_NTZ,
          Types.STRING, Types.BINARY)) {
        for (int i = 0; i < 200; i++) {
          int b = (Integer) bucket.apply(type, value(type));
          assertThat(b).as("bucket[%d] of a %s", n, type).isBetween(0, n - 1);
        }
      }
    }
  }

  private void checkMonotone(Transform transform, Type type) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < VALUES; i++) {
      values.add(value(type));
    }
    values.sort(order(type));
    Type resultType = transform.resultType(type);
    Comparator<Object> resultOrder = order(resultType);
    Object previousValue = null;
    Object previous = null;
    for (Object v : values) {
      Object result = transform.apply(type, v);
      assertThat(result).as("%s of %s", transform, v).isNotNull();
      if (previous != null) {
        assertThat(resultOrder.compare(previous, result))
            .as("%s on %s: %s <= %s but %s > %s", transform, type, previousValue, v, previous, result)
            .isLessThanOrEqualTo(0);
      }
      previousValue = v;
      previous = result;
    }
  }

  private Object value(Type type) {
    if (type instanceof DecimalType d) {
      BigInteger bound = BigInteger.TEN.pow(d.precision());
      BigInteger unscaled = new BigInteger(bound.bitLength() + 2, random).mod(bound.shiftLeft(1)).subtract(bound)
          .max(bound.negate().add(BigInteger.ONE));
      return new BigDecimal(pick(() -> unscaled, () -> BigInteger.valueOf(random.nextInt(2001) - 1000)), d.scale());
    }
    switch ((PrimitiveType) type) {
      case INT:
        return pick(random::nextInt, () -> random.nextInt(2001) - 1000,
            () -> random.nextBoolean() ? Integer.MIN_VALUE + random.nextInt(50) : Integer.MAX_VALUE - random.nextInt(50));
      case LONG:
        return pick(random::nextLong, () -> (long) random.nextInt(2001) - 1000,
            () -> random.nextBoolean() ? Long.MIN_VALUE + random.nextInt(50) : Long.MAX_VALUE - random.nextInt(50));
      case DATE:
        return LocalDate.ofEpochDay(pick(() -> (long) random.nextInt(146_000) - 73_000, () -> (long) random.nextInt(60) - 30));
      case TIMESTAMP:
        return Instant.EPOCH.plusNanos(1000 * micros());
      case TIMESTAMP_NTZ:
        return LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(1000 * micros()), ZoneOffset.UTC);
      case STRING: {
        int length = random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
          int cp = switch (random.nextInt(4)) {
            case 0 -> 'a' + random.nextInt(3);
            case 1 -> 0x80 + random.nextInt(0xD800 - 0x80);
            case 2 -> 0xE000 + random.nextInt(0x10000 - 0xE000);
            default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
          };
          sb.appendCodePoint(cp);
        }
        return sb.toString();
      }
      case BINARY: {
        byte[] bytes = new byte[random.nextInt(12)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (random.nextBoolean() ? random.nextInt(3) - 1 : random.nextInt(256));
        }
        return ByteBuffer.wrap(bytes);
      }
      default:
        throw new IllegalArgumentException(type.toString());
    }
  }

  private long micros() {
    return pick(() -> (long) (random.nextDouble() * 2 * MICROS_200_YEARS) - MICROS_200_YEARS,
        () -> (long) random.nextInt(7_200_000) * 1_000_000 - 3_600_000_000_000L + random.nextInt(2) - 1,
        () -> (long) random.nextInt(20_000) * 86_400_000_000L - 10_000 * 86_400_000_000L - random.nextInt(2));
  }

  @SafeVarargs
  private <T> T pick(Supplier<? extends T>... choices) {
    return choices[random.nextInt(choices.length)].get();
  }

  /** The order of spec.md section 7: natural, strings by code point, binary by unsigned bytes. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Object> order(Type type) {
    if (type == Types.STRING) {
      return (a, b) -> compareCodePoints((String) a, (String) b);
    }
    if (type == Types.BINARY) {
      return (a, b) -> compareUnsigned((ByteBuffer) a, (ByteBuffer) b);
    }
    return (a, b) -> ((Comparable) a).compareTo(b);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    int n = Math.min(a.remaining(), b.remaining());
    for (int k = 0; k < n; k++) {
      int c = Integer.compare(a.get(a.position() + k) & 0xff, b.get(b.position() + k) & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.remaining(), b.remaining());
  }
}

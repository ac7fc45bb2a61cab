package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes the partition transforms of spec.md section 8, and parses their names. */
public final class Transforms {
  private static final Pattern PARAMETERIZED = Pattern.compile("(bucket|truncate)\\[([1-9][0-9]{0,9})\\]");

  private Transforms() {}

  /** {@code identity}: the value itself; any primitive type. */
  public static Transform identity() {
    return IdentityTransform.INSTANCE;
  }

  /**
   * {@code bucket[n]}: the Murmur3 hash of the value's canonical bytes, sign bit cleared, modulo
   * n; for int, long, decimal, date, timestamp, timestamp_ntz, string and binary.
   *
   * @throws InvalidArgumentException when n is not positive
   */
  public static Transform bucket(int n) {
    return new BucketTransform(n);
  }

  /**
   * {@code truncate[width]}: numbers down to a multiple of width, strings to width code points,
   * binary to width bytes; for int, long, decimal, string and binary.
   *
   * @throws InvalidArgumentException when width is not positive
   */
  public static Transform truncate(int width) {
    return new TruncateTransform(width);
  }

  /** {@code year}: years since 1970 of a date, timestamp (UTC) or timestamp_ntz. */
  public static Transform year() {
    return TimeTransform.YEAR;
  }

  /** {@code month}: months since 1970-01 of a date, timestamp (UTC) or timestamp_ntz. */
  public static Transform month() {
    return TimeTransform.MONTH;
  }

  /** {@code day}: the date of a date, timestamp (UTC) or timestamp_ntz. */
  public static Transform day() {
    return TimeTransform.DAY;
  }

  /** {@code hour}: hours since 1970-01-01T00:00 of a timestamp (UTC) or timestamp_ntz. */
  public static Transform hour() {
    return TimeTransform.HOUR;
  }

  /** {@code void}: always null; any primitive type. Replaces a dropped partition field. */
  public static Transform alwaysNull() {
    return VoidTransform.INSTANCE;
  }

  /**
   * The transform of a name exactly as {@link Transform#toString()} writes it: {@code identity},
   * {@code bucket[16]}, {@code truncate[4]}, {@code year}, {@code month}, {@code day},
   * {@code hour}, {@code void}. Case, spaces and leading zeros are not accepted.
   *
   * @throws InvalidArgumentException for anything else
   */
  public static Transform parse(String transform) {
    if (transform == null) {
      throw new InvalidArgumentException("transform is missing");
    }
    switch (transform) {
      case "identity":
        return identity();
      case "year":
        return year();
      case "month":
        return month();
      case "day":
        return day();
      case "hour":
        return hour();
      case "void":
        return alwaysNull();
      default:
        break;
    }
    Matcher m = PARAMETERIZED.matcher(transform);
    if (m.matches()) {
      long parameter = Long.parseLong(m.group(2));
      if (parameter <= Integer.MAX_VALUE) {
        return m.group(1).equals("bucket") ? bucket((int) parameter) : truncate((int) parameter);
      }
    }
    throw new InvalidArgumentException("unknown partition transform '" + transform
        + "'; expected identity, bucket[N], truncate[W], year, month, day, hour or void (N, W positive 32-bit integers)");
  }

  /** The Java class of a primitive type's values. */
  static Class<?> javaClass(Type type) {
    if (type instanceof DecimalType) {
      return BigDecimal.class;
    }
    switch ((PrimitiveType) type) {
      case BOOLEAN:
        return Boolean.class;
      case INT:
        return Integer.class;
      case LONG:
        return Long.class;
      case FLOAT:
        return Float.class;
      case DOUBLE:
        return Double.class;
      case DATE:
        return LocalDate.class;
      case TIMESTAMP:
        return Instant.class;
      case TIMESTAMP_NTZ:
        return LocalDateTime.class;
      case STRING:
        return String.class;
      case BINARY:
        return ByteBuffer.class;
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }
}

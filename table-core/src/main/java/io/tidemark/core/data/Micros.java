package io.tidemark.core.data;

import io.tidemark.spec.error.InvalidArgumentException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps as microseconds, the form data files store them in: a {@code timestamp} as
 * microseconds since 1970-01-01T00:00Z, a {@code timestamp_ntz} as microseconds since
 * 1970-01-01T00:00 (local). Nanoseconds beyond a microsecond are truncated toward negative
 * infinity, as writing a value truncates them.
 */
public final class Micros {
  private static final long PER_SECOND = 1_000_000L;

  private Micros() {}

  /**
   * Microseconds since the epoch of an instant.
   *
   * @throws InvalidArgumentException when they do not fit in a long (beyond about ±292,000 years)
   */
  public static long of(Instant instant) {
    return of(instant.getEpochSecond(), instant.getNano(), instant);
  }

  /**
   * Microseconds since 1970-01-01T00:00 of a local date-time.
   *
   * @throws InvalidArgumentException when they do not fit in a long (beyond about ±292,000 years)
   */
  public static long of(LocalDateTime dateTime) {
    return of(dateTime.toEpochSecond(ZoneOffset.UTC), dateTime.getNano(), dateTime);
  }

  private static long of(long epochSecond, int nano, Object value) {
    try {
      // nano is 0..999,999,999, so dividing it floors
      return Math.addExact(Math.multiplyExact(epochSecond, PER_SECOND), nano / 1000);
    } catch (ArithmeticException e) {
      throw new InvalidArgumentException("timestamp " + value + " is outside the range of microseconds since 1970 "
          + "that a long holds", e);
    }
  }

  /** The instant this many microseconds after 1970-01-01T00:00Z (before, when negative). */
  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1000L);
  }

  /** The local date-time this many microseconds after 1970-01-01T00:00 (before, when negative). */
  public static LocalDateTime toLocalDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, PER_SECOND),
        (int) (Math.floorMod(micros, PER_SECOND) * 1000L), ZoneOffset.UTC);
  }
}

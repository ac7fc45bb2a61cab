package io.tidemark.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * Prints timestamps as the command line shows them. It reads them with the library's one timestamp
 * grammar, {@link io.tidemark.core.expr.Expressions#parseTimestamp}.
 */
final class Timestamps {
  /** The form history prints: ISO-8601 in UTC with exactly three fraction digits. */
  private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .toFormatter(Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private Timestamps() {}

  /**
   * An ISO-8601 instant in UTC with three fraction digits, or six or nine when the value needs them:
   * {@code 2024-01-02T10:00:00.000Z}, {@code 2024-01-02T10:00:00.123456Z}. A column of values thus lines up.
   */
  static String iso(Instant instant) {
    return iso(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + 'Z';
  }

  /** A date-time without zone in the same form as {@link #iso(Instant)}, without the {@code Z}. */
  static String iso(LocalDateTime t) {
    int nanos = t.getNano();
    String fraction = nanos % 1_000_000 == 0 ? String.format(Locale.ROOT, "%03d", nanos / 1_000_000)
        : nanos % 1000 == 0 ? String.format(Locale.ROOT, "%06d", nanos / 1000)
        : String.format(Locale.ROOT, "%09d", nanos);
    return SECONDS.format(t) + '.' + fraction;
  }

  /** {@code 2024-01-02T10:00:00.123Z}: always three fraction digits. */
  static String millis(Instant instant) {
    return MILLIS.format(instant);
  }
}

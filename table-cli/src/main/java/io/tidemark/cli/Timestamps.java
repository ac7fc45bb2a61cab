package io.tidemark.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Parses and prints the timestamp forms the command line accepts and shows. */
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

  /**
   * An instant from an ISO-8601 instant ({@code 2024-01-02T10:00:00.123Z}), a date-time with an
   * offset ({@code 2024-01-02T12:00:00+02:00}), or a date-time without one, read as UTC
   * ({@code 2024-01-02 10:00:00.123456}), or a date alone, its midnight in UTC ({@code 2024-01-02}),
   * as filters read it; a space may stand for the {@code T}.
   *
   * @throws DateTimeException when the text is none of these
   */
  static Instant parseInstant(String text) {
    if (isDate(text)) {
      return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(normalize(text),
        ZonedDateTime::from, LocalDateTime::from);
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  /**
   * A date-time without time zone: {@code 2024-01-02T10:00:00.123456}, or with a space for the
   * {@code T}, or a date alone (its midnight).
   *
   * @throws DateTimeException when the text is not of that form
   */
  static LocalDateTime parseLocal(String text) {
    if (isDate(text)) {
      return LocalDate.parse(text.strip()).atStartOfDay();
    }
    return LocalDateTime.parse(normalize(text), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  private static boolean isDate(String text) {
    return text.strip().length() == 10;
  }

  /**
   * The ISO form of the text: {@code T} for a space after the date, {@code Z} for a trailing
   * {@code UTC}, no space before an offset; the forms filters accept (table-core's literal parsing
   * is not public, so the rules are repeated here and tested against filters).
   */
  private static String normalize(String text) {
    String s = text.strip();
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11).stripLeading();
    }
    if (s.endsWith(" UTC") || s.endsWith(" utc")) {
      s = s.substring(0, s.length() - 4) + "Z";
    }
    return s.replaceFirst(" (?=[+-]\\d)", "");
  }
}

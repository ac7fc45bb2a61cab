package io.tidemark.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line: {@code 168h}, {@code 7d}, {@code 1h30m}, {@code 90s}, or ISO {@code PT168H}. */
final class Durations implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|d|h|m|s)", Pattern.CASE_INSENSITIVE);

  @Override
  public Duration convert(String value) {
    String text = value.strip();
    if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw bad(value);
      }
    }
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw bad(value);
      }
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      });
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw bad(value);
    }
    return total;
  }

  private static TypeConversionException bad(String value) {
    return new TypeConversionException("'" + value + "' is not a duration; use e.g. 168h, 7d, 1h30m or PT168H");
  }

  /** {@code 168h}, {@code 1h30m}, {@code 45s}: the largest units that divide it, days as hours. */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long hours = d.toHours();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (d.toMinutesPart() > 0) {
      out.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      out.append(d.toSecondsPart()).append('s');
    }
    if (d.toMillisPart() > 0) {
      out.append(d.toMillisPart()).append("ms");
    }
    return out.toString();
  }
}

package io.tidemark.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Byte sizes on the command line: {@code 128MB}, {@code 1.5GiB}, {@code 65536}; units are powers of 1024. */
final class Sizes implements ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?",
      Pattern.CASE_INSENSITIVE);
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size; use bytes or a number with KB, MB, GB"
          + " (powers of 1024), e.g. 128MB");
    }
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    int power = unit.isEmpty() ? 0 : "kmgt".indexOf(unit) + 1;
    double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
    if (bytes < 1 || bytes > Long.MAX_VALUE) {
      throw new TypeConversionException("size '" + value + "' must be at least one byte");
    }
    return (long) bytes;
  }

  /** {@code 12.3 KiB}; bytes below 1024 as {@code 512 B}. */
  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}

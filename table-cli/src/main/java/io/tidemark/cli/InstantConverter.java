package io.tidemark.cli;

import java.time.DateTimeException;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --as-of} values; a bad one is a usage error. */
final class InstantConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    try {
      return Timestamps.parseInstant(value);
    } catch (DateTimeException e) {
      throw new TypeConversionException("'" + value + "' is not a timestamp; use an ISO instant such as"
          + " 2024-01-02T10:00:00.123Z (as history prints it) or UTC 'yyyy-MM-dd[ HH:mm:ss[.ffffff]]'");
    }
  }
}

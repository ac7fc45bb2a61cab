package io.tidemark.cli;

import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --as-of} values; a bad one is a usage error. */
final class InstantConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    try {
      return Expressions.parseTimestamp(value);
    } catch (InvalidArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a timestamp; use an ISO instant such as"
          + " 2024-01-02T10:00:00.123Z (as history prints it) or UTC 'yyyy-MM-dd[ HH:mm:ss[.ffffff]]'");
    }
  }
}

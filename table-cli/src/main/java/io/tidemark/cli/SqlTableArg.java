package io.tidemark.cli;

import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import java.time.Instant;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --table NAME=LOCATION[@VERSION|@TIMESTAMP]} of {@code tidemark sql}: the name the
 * query uses, the table's location, and which version to read (the latest when neither is given).
 *
 * @param version the version to read, or null
 * @param asOf read the newest version committed at or before this instant, or null
 */
record SqlTableArg(String name, String location, Long version, Instant asOf) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Parses the option's value; a bad one is a usage error. */
  static final class Converter implements ITypeConverter<SqlTableArg> {
    @Override
    public SqlTableArg convert(String value) {
      return parse(value);
    }
  }

  /**
   * Parses {@code NAME=LOCATION[@VERSION|@TIMESTAMP]}; the text after the last {@code @} is the
   * version (digits) or timestamp (the grammar of {@code --as-of}).
   *
   * @throws TypeConversionException when the value is not of that form
   */
  static SqlTableArg parse(String value) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      throw new TypeConversionException("'" + value + "' is not NAME=LOCATION[@VERSION|@TIMESTAMP],"
          + " e.g. events=/data/events@3");
    }
    String name = value.substring(0, eq).strip();
    if (!NAME.matcher(name).matches()) {
      throw new TypeConversionException("'" + name + "' is not a table name for SQL: letters, digits and _,"
          + " not starting with a digit");
    }
    String rest = value.substring(eq + 1);
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      return new SqlTableArg(name, requireLocation(rest, value), null, null);
    }
    String location = requireLocation(rest.substring(0, at), value);
    String moment = rest.substring(at + 1).strip();
    if (!moment.isEmpty() && moment.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return new SqlTableArg(name, location, Long.parseLong(moment), null);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("version '" + moment + "' in '" + value + "' is too large");
      }
    }
    try {
      return new SqlTableArg(name, location, null, Expressions.parseTimestamp(moment));
    } catch (InvalidArgumentException e) {
      throw new TypeConversionException("'" + moment + "' after @ in '" + value + "' is neither a version"
          + " nor a timestamp (2024-01-02T10:00:00.123Z, or UTC 'yyyy-MM-dd[ HH:mm:ss[.ffffff]]')");
    }
  }

  private static String requireLocation(String location, String value) {
    if (location.isBlank()) {
      throw new TypeConversionException("'" + value + "' names no table location after =");
    }
    return location.strip();
  }
}

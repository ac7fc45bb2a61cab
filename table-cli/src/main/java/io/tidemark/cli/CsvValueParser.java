package io.tidemark.cli;

import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the text of one CSV field into the Java value of a primitive column type. Surrounding
 * spaces are ignored for every type but string.
 */
final class CsvValueParser {
  private static final Pattern FLOATING =
      Pattern.compile("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

  private CsvValueParser() {}

  /**
   * The value of {@code text} for {@code type}.
   *
   * @throws BadValueException saying what the text should have been
   */
  static Object parse(Type type, String text) throws BadValueException {
    if (type instanceof DecimalType d) {
      return decimal(d, text.strip());
    }
    if (!(type instanceof PrimitiveType p)) {
      throw new BadValueException("nested type " + type + " cannot be read from CSV");
    }
    String s = p == PrimitiveType.STRING ? text : text.strip();
    try {
      return switch (p) {
        case BOOLEAN -> bool(s);
        case INT -> Integer.parseInt(s);
        case LONG -> Long.parseLong(s);
        case FLOAT -> (float) floating(s, true);
        case DOUBLE -> floating(s, false);
        case DATE -> LocalDate.parse(s);
        case TIMESTAMP -> micros(Expressions.parseTimestamp(s));
        case TIMESTAMP_NTZ -> micros(Expressions.parseTimestampNtz(s));
        case STRING -> s;
        case BINARY -> ByteBuffer.wrap(Base64.getDecoder().decode(s)).asReadOnlyBuffer();
      };
    } catch (NumberFormatException | DateTimeException | InvalidArgumentException e) {
      throw new BadValueException("is not " + expected(p));
    } catch (IllegalArgumentException e) {
      throw new BadValueException("is not base64 (" + e.getMessage() + ")");
    }
  }

  private static String expected(PrimitiveType type) {
    return switch (type) {
      case BOOLEAN -> "a boolean (true or false)";
      case INT -> "an int (32-bit whole number)";
      case LONG -> "a long (64-bit whole number)";
      case FLOAT -> "a float";
      case DOUBLE -> "a double";
      case DATE -> "a date (yyyy-MM-dd)";
      case TIMESTAMP -> "a timestamp (ISO instant like 2024-01-02T10:00:00.123Z, "
          + "UTC 'yyyy-MM-dd[ HH:mm:ss[.ffffff]]', or with an offset like +02:00)";
      case TIMESTAMP_NTZ -> "a timestamp_ntz (yyyy-MM-dd[THH:mm:ss[.ffffff]] or with a space, no time zone)";
      case STRING, BINARY -> "a " + type;
    };
  }

  private static Boolean bool(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        throw new NumberFormatException(s);
    }
  }

  private static double floating(String s, boolean single) throws BadValueException {
    if (!FLOATING.matcher(s).matches()) {
      throw new NumberFormatException(s);
    }
    double value = Double.parseDouble(s);
    boolean infinite = single ? Float.isInfinite((float) value) : Double.isInfinite(value);
    if (infinite && !s.endsWith("Infinity")) {
      throw new BadValueException("is out of range for a " + (single ? "float" : "double"));
    }
    return value;
  }

  private static BigDecimal decimal(DecimalType type, String s) throws BadValueException {
    BigDecimal value;
    try {
      value = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new BadValueException("is not a decimal number");
    }
    BigDecimal scaled;
    try {
      scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new BadValueException("has more than " + type.scale() + " digits after the point, which "
          + type + " allows");
    }
    if (scaled.precision() > type.precision()) {
      throw new BadValueException("has too many digits for " + type);
    }
    return scaled;
  }

  private static <T extends TemporalAccessor> T micros(T value) throws BadValueException {
    if (value.get(ChronoField.NANO_OF_SECOND) % 1000 != 0) {
      throw new BadValueException("has more than 6 fraction digits (timestamps hold microseconds)");
    }
    return value;
  }
}

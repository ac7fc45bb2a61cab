package io.tidemark.core.internal.expr;

import io.tidemark.core.data.Micros;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Comparators;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Literal values: which Java values a filter may hold, how they print, how they convert to a
 * column's Java type at binding, and how values of each type compare.
 */
final class Literals {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Literals() {}

  // ---------------------------------------------------------------- unbound literals

  /**
   * The literal in the form an unbound predicate holds: numbers, strings, booleans, dates and
   * times, bytes (as a read-only {@link ByteBuffer}); zoned date-times become instants.
   *
   * @throws InvalidArgumentException for null, NaN and values of other classes
   */
  static Object checkUnbound(String column, Object value) {
    if (value == null) {
      throw new InvalidArgumentException("filter on '" + column
          + "' has a null literal; use isNull/notNull ('is null', 'is not null') to test for null");
    }
    if (value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN()) {
      throw new InvalidArgumentException("filter on '" + column
          + "' has a NaN literal; use isNaN/notNaN ('is nan', 'is not nan') to test for NaN");
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Float
        || value instanceof Double || value instanceof String || value instanceof Boolean
        || value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Instant) {
      if (value instanceof Short || value instanceof Byte) {
        return ((Number) value).intValue();
      }
      return value;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer();
    }
    if (value instanceof ByteBuffer b) {
      return copy(b);
    }
    throw new InvalidArgumentException("filter on '" + column + "' has a literal of unsupported class "
        + value.getClass().getName() + ": " + value);
  }

  private static ByteBuffer copy(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  // ---------------------------------------------------------------- printing

  /** The literal as the filter language writes it. */
  static String print(Object value) {
    if (value instanceof String s) {
      return quote(s);
    } else if (value instanceof Double d) {
      // printed as the parser's BigDecimal of the same text prints, so printing is stable
      return Double.isInfinite(d) ? quote(d > 0 ? "Infinity" : "-Infinity") : new BigDecimal(d.toString()).toString();
    } else if (value instanceof Float f) {
      return Float.isInfinite(f) ? quote(f > 0 ? "Infinity" : "-Infinity") : new BigDecimal(f.toString()).toString();
    } else if (value instanceof BigDecimal d) {
      return d.toString();
    } else if (value instanceof ByteBuffer b) {
      byte[] bytes = new byte[b.remaining()];
      b.duplicate().get(bytes);
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    } else if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Instant) {
      return quote(value.toString());
    }
    return String.valueOf(value);
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  // ---------------------------------------------------------------- binding

  /**
   * The literal converted to the Java class of a column's type: Integer, Long, Float, Double,
   * BigDecimal at the column's scale, LocalDate, Instant (timestamp; strings without a zone are
   * UTC; a long or int is microseconds since 1970, as {@link Micros}), LocalDateTime
   * (timestamp_ntz; likewise), String, ByteBuffer, Boolean.
   *
   * @throws InvalidArgumentException naming the column, its type and the literal when it does not fit
   */
  static Object bind(String column, Type type, Object literal) {
    String problem;
    try {
      Object bound = convert(type, literal);
      if (bound != null) {
        return bound;
      }
      problem = "wrong type";
    } catch (Unfit e) {
      problem = e.getMessage();
    }
    throw new InvalidArgumentException("literal " + print(literal) + " does not fit column '" + column
        + "' of type " + type + ": " + problem);
  }

  /** Why a literal does not fit; turned into the one-line message by {@link #bind}. */
  private static final class Unfit extends Exception {
    Unfit(String message) {
      super(message, null, false, false);
    }
  }

  /** The converted literal, or null when its class cannot hold a value of the type at all. */
  private static Object convert(Type type, Object literal) throws Unfit {
    if (type instanceof DecimalType d) {
      BigDecimal exact = exactNumber(literal);
      if (exact == null) {
        return null;
      }
      BigDecimal scaled;
      try {
        scaled = exact.setScale(d.scale());
      } catch (ArithmeticException e) {
        throw new Unfit("needs rounding to scale " + d.scale());
      }
      if (scaled.precision() > d.precision()) {
        throw new Unfit("out of range (more than " + d.precision() + " digits)");
      }
      return scaled;
    }
    switch ((PrimitiveType) type) {
      case BOOLEAN:
        return literal instanceof Boolean ? literal : null;
      case INT: {
        BigDecimal exact = integral(literal);
        if (exact == null) {
          return null;
        }
        try {
          return exact.intValueExact();
        } catch (ArithmeticException e) {
          throw new Unfit("out of range for a 32-bit int");
        }
      }
      case LONG: {
        BigDecimal exact = integral(literal);
        if (exact == null) {
          return null;
        }
        try {
          return exact.longValueExact();
        } catch (ArithmeticException e) {
          throw new Unfit("out of range for a 64-bit long");
        }
      }
      case FLOAT: {
        Double d = floating(literal);
        if (d == null) {
          return null;
        }
        float f = literal instanceof Float lf ? lf : literal instanceof BigDecimal bd ? bd.floatValue() : d.floatValue();
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
          throw new Unfit("out of range for a float");
        }
        return f == 0.0f ? 0.0f : f; // -0.0 equals 0.0 in a filter; keep one form
      }
      case DOUBLE: {
        Double d = literal instanceof Float f ? Double.valueOf(f.toString()) : floating(literal);
        if (d != null && Double.isInfinite(d) && literal instanceof BigDecimal) {
          throw new Unfit("out of range for a double");
        }
        return d != null && d == 0.0d ? Double.valueOf(0.0d) : d; // -0.0 equals 0.0 in a filter
      }
      case DATE:
        if (literal instanceof LocalDate) {
          return literal;
        }
        if (literal instanceof String s) {
          try {
            return LocalDate.parse(s.trim());
          } catch (DateTimeException e) {
            throw new Unfit("not a date (expected 'yyyy-MM-dd')");
          }
        }
        return null;
      case TIMESTAMP: {
        Instant instant;
        if (literal instanceof Instant i) {
          instant = i;
        } else if (literal instanceof LocalDateTime ldt) {
          instant = ldt.toInstant(ZoneOffset.UTC);
        } else if (literal instanceof LocalDate ld) {
          instant = ld.atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (literal instanceof String s) {
          instant = parseInstant(s);
        } else if (literal instanceof Long || literal instanceof Integer) {
          instant = Micros.toInstant(((Number) literal).longValue());
        } else {
          return null;
        }
        checkMicros(instant.getNano(), instant.getEpochSecond());
        return instant;
      }
      case TIMESTAMP_NTZ: {
        LocalDateTime local;
        if (literal instanceof LocalDateTime ldt) {
          local = ldt;
        } else if (literal instanceof LocalDate ld) {
          local = ld.atStartOfDay();
        } else if (literal instanceof String s) {
          local = parseLocal(s);
        } else if (literal instanceof Long || literal instanceof Integer) {
          local = Micros.toLocalDateTime(((Number) literal).longValue());
        } else {
          return null;
        }
        checkMicros(local.getNano(), local.toEpochSecond(ZoneOffset.UTC));
        return local;
      }
      case STRING:
        return literal instanceof String ? literal : null;
      case BINARY:
        return literal instanceof ByteBuffer ? literal : null;
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  private static void checkMicros(int nano, long epochSecond) throws Unfit {
    if (nano % 1000 != 0) {
      throw new Unfit("more precise than microseconds");
    }
    try {
      Math.addExact(Math.multiplyExact(epochSecond, MICROS_PER_SECOND), nano / 1000);
    } catch (ArithmeticException e) {
      throw new Unfit("out of range of microseconds since 1970");
    }
  }

  /** Date and time text: ISO with {@code T} or a space, optional seconds and fraction. */
  private static String normalizeDateTime(String s) {
    String t = s.trim();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11).trim();
    }
    if (t.endsWith(" UTC") || t.endsWith(" utc")) {
      t = t.substring(0, t.length() - 4) + "Z";
    }
    return t.replaceFirst(" (?=[+-]\\d)", "");
  }

  /**
   * A timestamp string as a filter literal on a timestamp column reads it.
   *
   * @throws InvalidArgumentException quoting the text when it is not of that form
   */
  static Instant timestamp(String text) {
    try {
      return parseInstant(text);
    } catch (Unfit e) {
      throw new InvalidArgumentException("'" + text + "' is " + e.getMessage());
    }
  }

  /**
   * A timestamp string as a filter literal on a timestamp_ntz column reads it.
   *
   * @throws InvalidArgumentException quoting the text when it is not of that form
   */
  static LocalDateTime timestampNtz(String text) {
    try {
      return parseLocal(text);
    } catch (Unfit e) {
      throw new InvalidArgumentException("'" + text + "' " + (e.getMessage().startsWith("has") ? "" : "is ")
          + e.getMessage());
    }
  }

  private static Instant parseInstant(String s) throws Unfit {
    String t = normalizeDateTime(s);
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException e) {
      // try the other forms
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      throw new Unfit("not a timestamp (expected 'yyyy-MM-dd HH:mm:ss[.ffffff]', optionally with a zone "
          + "such as Z or +02:00; without a zone it is UTC)");
    }
  }

  private static LocalDateTime parseLocal(String s) throws Unfit {
    String t = normalizeDateTime(s);
    try {
      return LocalDateTime.parse(t);
    } catch (DateTimeException e) {
      // try the other forms
    }
    try {
      return LocalDate.parse(t).atStartOfDay();
    } catch (DateTimeException e) {
      // fall through
    }
    try {
      OffsetDateTime.parse(t);
    } catch (DateTimeException e) {
      throw new Unfit("not a timestamp (expected 'yyyy-MM-dd HH:mm:ss[.ffffff]')");
    }
    throw new Unfit("has a time zone, but the column has none");
  }

  /** The literal as an exact number, or null when it is not a number. */
  private static BigDecimal exactNumber(Object literal) throws Unfit {
    if (literal instanceof Integer || literal instanceof Long) {
      return BigDecimal.valueOf(((Number) literal).longValue());
    } else if (literal instanceof BigInteger b) {
      return new BigDecimal(b);
    } else if (literal instanceof BigDecimal d) {
      return d;
    } else if (literal instanceof Double || literal instanceof Float) {
      double d = ((Number) literal).doubleValue();
      if (Double.isInfinite(d)) {
        throw new Unfit("not a finite number");
      }
      // the decimal the value prints as (0.1f is 0.1, not 0.100000001490116...)
      return new BigDecimal(literal.toString());
    }
    return null;
  }

  private static BigDecimal integral(Object literal) throws Unfit {
    BigDecimal exact = exactNumber(literal);
    if (exact == null) {
      return null;
    }
    if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
      throw new Unfit("not a whole number");
    }
    return exact;
  }

  private static Double floating(Object literal) throws Unfit {
    if (literal instanceof Number n) {
      if (literal instanceof BigDecimal || literal instanceof BigInteger || literal instanceof Long
          || literal instanceof Integer || literal instanceof Float || literal instanceof Double) {
        return n.doubleValue();
      }
      return null;
    }
    if (literal instanceof String s) {
      switch (s.trim()) {
        case "Infinity":
        case "+Infinity":
        case "inf":
        case "+inf":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
        case "-inf":
          return Double.NEGATIVE_INFINITY;
        case "NaN":
        case "nan":
          throw new Unfit("NaN is not a comparable value; use 'is nan'");
        default:
          return null;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- types and order

  static boolean isFloating(Type type) {
    return type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
  }

  static boolean isNaN(Object value) {
    return value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN();
  }

  /**
   * The order of a type's values as spec.md defines it for bounds: numbers numerically (with
   * {@code -0.0 == 0.0}; NaN must not be compared), strings by code point, binary by unsigned
   * bytes, {@code false < true}, dates and times chronologically.
   */
  @SuppressWarnings("unchecked")
  static Comparator<Object> comparator(Type type) {
    if (type instanceof DecimalType) {
      return (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
    }
    switch ((PrimitiveType) type) {
      case FLOAT:
      case DOUBLE:
        return (a, b) -> {
          double x = ((Number) a).doubleValue();
          double y = ((Number) b).doubleValue();
          return x < y ? -1 : x > y ? 1 : 0;
        };
      case INT:
      case LONG:
        return (a, b) -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
      case STRING:
        return (a, b) -> compareCodePoints((String) a, (String) b);
      case BINARY:
        return (a, b) -> compareUnsigned((ByteBuffer) a, (ByteBuffer) b);
      default:
        return (a, b) -> ((Comparable<Object>) a).compareTo(b);
    }
  }

  /** Compares strings by Unicode code point (the order of their UTF-8 bytes). */
  static int compareCodePoints(String a, String b) {
    return Comparators.compareStrings(a, b);
  }

  /** Compares buffers as unsigned bytes, a shorter prefix first. */
  static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    return Comparators.compareBytes(a, b);
  }


  /** The first {@code n} code points of a string (all of it when shorter). */
  static String prefix(String s, int codePoints) {
    if (s.length() <= codePoints) {
      return s;
    }
    int count = s.codePointCount(0, s.length());
    return count <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  static int codePointLength(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * A row value in the form comparisons expect: timestamps cut to microseconds (as a data file
   * stores them), ints widened to long and floats to double where the column is wider.
   */
  static Object normalize(Type type, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i && i.getNano() % 1000 != 0) {
      return i.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalDateTime l && l.getNano() % 1000 != 0) {
      return l.truncatedTo(ChronoUnit.MICROS);
    }
    if (type == PrimitiveType.LONG && value instanceof Integer i) {
      return i.longValue();
    }
    if (type == PrimitiveType.DOUBLE && value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    return value;
  }

  /**
   * The greatest value less than {@code value} in an integer-like domain (int, long, date,
   * timestamps at microseconds, decimals by unscaled value), {@link #NONE} when there is none,
   * or null when the type is not integer-like.
   */
  static Object predecessor(Type type, Object value) {
    return step(type, value, -1);
  }

  /** Like {@link #predecessor}, the least value greater than {@code value}. */
  static Object successor(Type type, Object value) {
    return step(type, value, 1);
  }

  /** Marks that a value has no predecessor or successor. */
  static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "NONE";
    }
  };

  private static Object step(Type type, Object value, int delta) {
    if (type instanceof DecimalType d) {
      BigDecimal v = (BigDecimal) value;
      BigDecimal next = new BigDecimal(v.unscaledValue().add(BigInteger.valueOf(delta)), d.scale());
      return next.precision() > d.precision() ? NONE : next;
    }
    try {
      switch ((PrimitiveType) type) {
        case INT:
          return Math.addExact((Integer) value, delta);
        case LONG:
          return Math.addExact((Long) value, delta);
        case DATE: {
          LocalDate next = ((LocalDate) value).plusDays(delta);
          return next;
        }
        case TIMESTAMP: {
          Instant next = ((Instant) value).plus(delta, ChronoUnit.MICROS);
          checkMicros(next.getNano(), next.getEpochSecond());
          return next;
        }
        case TIMESTAMP_NTZ: {
          LocalDateTime next = ((LocalDateTime) value).plus(delta, ChronoUnit.MICROS);
          checkMicros(next.getNano(), next.toEpochSecond(ZoneOffset.UTC));
          return next;
        }
        default:
          return null;
      }
    } catch (ArithmeticException | DateTimeException | Unfit e) {
      return NONE;
    }
  }

  /** Lower-case keyword text, for messages. */
  static String lower(Object o) {
    return String.valueOf(o).toLowerCase(Locale.ROOT);
  }
}

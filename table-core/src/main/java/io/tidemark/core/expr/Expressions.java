package io.tidemark.core.expr;

import io.tidemark.core.expr.Expression.Operation;
import io.tidemark.core.internal.expr.ExpressionFactory;
import io.tidemark.spec.error.InvalidArgumentException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;

/**
 * Builds unbound filter expressions, in code or from the filter language.
 *
 * <p>A column is named as the filter language writes it: {@code "ts"}; {@code "point.x"} for
 * member {@code x} of struct column {@code point}; {@code "`odd name`"} back-quoted for a name
 * that is not a plain identifier or is a keyword ({@code and or not in is null nan true false
 * starts with}, in any case), a back-quote doubled inside.
 *
 * <p>Literals are Java values: Integer, Long, BigInteger, BigDecimal, Float, Double, String,
 * Boolean, LocalDate, LocalDateTime, Instant (also OffsetDateTime, ZonedDateTime), ByteBuffer or
 * byte[]. They are converted to the column's type when the filter is bound to a table's schema; dates and
 * timestamps may be given as strings ({@code "2024-01-02"}, {@code "2024-01-02 10:00:00"},
 * {@code "2024-01-02T10:00:00+02:00"}; a timestamp without a zone is UTC), and timestamps as a
 * long (or int) of microseconds since 1970, the form data files store them in: {@code
 * greaterThan("ts", 1_700_000_000_000_000L)} is {@code greaterThan("ts",
 * Instant.ofEpochSecond(1_700_000_000L))}. A literal is never
 * null (use {@link #isNull}) nor NaN (use {@link #isNaN}).
 *
 * <p>{@code and}/{@code or} fold constants: {@code and(alwaysFalse(), x)} is
 * {@code alwaysFalse()}.
 */
public final class Expressions {
  private Expressions() {}

  /**
   * Reads a timestamp as filters read one for a {@code timestamp} column: the one timestamp
   * grammar of Tidemark (the command line's CSV values, {@code --as-of} and {@code diff} use it
   * too). An ISO instant ({@code 2024-01-02T10:00:00.123Z}), a date-time with an offset
   * ({@code 2024-01-02T12:00:00+02:00}, also {@code 2024-01-02 12:00:00 +02:00}), a date-time
   * without one, read as UTC ({@code 2024-01-02 10:00:00[.ffffff]}, a space or {@code T}; a
   * trailing {@code UTC} is {@code Z}), or a date alone, its midnight in UTC ({@code 2024-01-02}).
   *
   * @throws InvalidArgumentException quoting the text when it is none of these forms
   */
  public static Instant parseTimestamp(String text) {
    return ExpressionFactory.timestamp(text);
  }

  /**
   * Reads a timestamp as filters read one for a {@code timestamp_ntz} column: the forms of
   * {@link #parseTimestamp} without zone or offset ({@code 2024-01-02 10:00:00[.ffffff]}, a space
   * or {@code T}; a date alone is its midnight).
   *
   * @throws InvalidArgumentException quoting the text when it is not of that form or has a zone
   */
  public static LocalDateTime parseTimestampNtz(String text) {
    return ExpressionFactory.timestampNtz(text);
  }

  /**
   * Reads a filter: column names; {@code = != < <= > >=}; {@code in (...)}, {@code not in (...)},
   * {@code is null}, {@code is not null}, {@code is nan}, {@code is not nan},
   * {@code starts with 'x'}; {@code and}, {@code or}, {@code not} (tightest first: not, and,
   * or) and parentheses; literals: numbers ({@code 42}, {@code -1.5}, {@code 2e10}),
   * {@code 'strings'} ({@code ''} for a quote), {@code true}, {@code false}, {@code X'00ff'};
   * dates and timestamps as strings. Keywords are case-insensitive.
   *
   * @throws InvalidArgumentException naming the position of the first error
   */
  public static Expression parse(String filter) {
    return ExpressionFactory.parse(filter);
  }

  /** The expression that every row matches. */
  public static Expression alwaysTrue() {
    return ExpressionFactory.alwaysTrue();
  }

  /** The expression that no row matches. */
  public static Expression alwaysFalse() {
    return ExpressionFactory.alwaysFalse();
  }

  /** Both hold. */
  public static Expression and(Expression left, Expression right) {
    return ExpressionFactory.and(left, right);
  }

  /** All hold ({@code alwaysTrue()} for none). */
  public static Expression and(Expression first, Expression second, Expression... more) {
    Expression e = and(first, second);
    for (Expression m : more) {
      e = and(e, m);
    }
    return e;
  }

  /** Either holds. */
  public static Expression or(Expression left, Expression right) {
    return ExpressionFactory.or(left, right);
  }

  /** Any holds. */
  public static Expression or(Expression first, Expression second, Expression... more) {
    Expression e = or(first, second);
    for (Expression m : more) {
      e = or(e, m);
    }
    return e;
  }

  /** The child does not hold; where the child is unknown (a null compared), so is this. */
  public static Expression not(Expression child) {
    return ExpressionFactory.not(child);
  }

  /** {@code column is null}. */
  public static Expression isNull(String column) {
    return predicate(Operation.IS_NULL, column);
  }

  /** {@code column is not null}. */
  public static Expression notNull(String column) {
    return predicate(Operation.NOT_NULL, column);
  }

  /** {@code column is nan}: a float or double column holds NaN. */
  public static Expression isNaN(String column) {
    return predicate(Operation.IS_NAN, column);
  }

  /** {@code column is not nan}: a float or double column holds null or a number other than NaN. */
  public static Expression notNaN(String column) {
    return predicate(Operation.NOT_NAN, column);
  }

  /** {@code column = value}. */
  public static Expression equal(String column, Object value) {
    return predicate(Operation.EQ, column, value);
  }

  /** {@code column != value} (null values do not match). */
  public static Expression notEqual(String column, Object value) {
    return predicate(Operation.NOT_EQ, column, value);
  }

  /** {@code column < value}. */
  public static Expression lessThan(String column, Object value) {
    return predicate(Operation.LT, column, value);
  }

  /** {@code column <= value}. */
  public static Expression lessThanOrEqual(String column, Object value) {
    return predicate(Operation.LT_EQ, column, value);
  }

  /** {@code column > value}. */
  public static Expression greaterThan(String column, Object value) {
    return predicate(Operation.GT, column, value);
  }

  /** {@code column >= value}. */
  public static Expression greaterThanOrEqual(String column, Object value) {
    return predicate(Operation.GT_EQ, column, value);
  }

  /** {@code column in (values...)}; at least one value. */
  public static Expression in(String column, Object... values) {
    return predicate(Operation.IN, column, values);
  }

  /** {@code column in (values...)}; at least one value. */
  public static Expression in(String column, Collection<?> values) {
    return predicate(Operation.IN, column, values.toArray());
  }

  /** {@code column not in (values...)} (null values do not match); at least one value. */
  public static Expression notIn(String column, Object... values) {
    return predicate(Operation.NOT_IN, column, values);
  }

  /** {@code column not in (values...)}; at least one value. */
  public static Expression notIn(String column, Collection<?> values) {
    return predicate(Operation.NOT_IN, column, values.toArray());
  }

  /** {@code column starts with 'prefix'} (string columns). */
  public static Expression startsWith(String column, String prefix) {
    return predicate(Operation.STARTS_WITH, column, prefix);
  }

  /** {@code column not starts with 'prefix'} (string columns; null values do not match). */
  public static Expression notStartsWith(String column, String prefix) {
    return predicate(Operation.NOT_STARTS_WITH, column, prefix);
  }

  private static Expression predicate(Operation op, String column, Object... values) {
    return ExpressionFactory.predicate(op, column, values);
  }
}

package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expression.Operation;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Makes expression nodes: the public {@link Expressions} and the parser build through it, so
 * constant folding and literal checks are done in one place.
 */
public final class ExpressionFactory {
  private ExpressionFactory() {}

  /** {@link Expressions#parseTimestamp}. */
  public static Instant timestamp(String text) {
    return Literals.timestamp(text);
  }

  /** {@link Expressions#parseTimestampNtz}. */
  public static LocalDateTime timestampNtz(String text) {
    return Literals.timestampNtz(text);
  }

  /**
   * Reads a filter in the filter language (see {@link Expressions#parse}).
   *
   * @throws InvalidArgumentException naming the position of the first error
   */
  public static Expression parse(String filter) {
    return Parser.parse(filter);
  }

  /** The expression every row matches. */
  public static Expression alwaysTrue() {
    return Constant.TRUE;
  }

  /** The expression no row matches. */
  public static Expression alwaysFalse() {
    return Constant.FALSE;
  }

  /** Both hold; constants folded. */
  public static Expression and(Expression left, Expression right) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    if (left == Constant.FALSE || right == Constant.FALSE) {
      return Constant.FALSE;
    }
    if (left == Constant.TRUE) {
      return right;
    }
    if (right == Constant.TRUE) {
      return left;
    }
    return new And(left, right);
  }

  /** Either holds; constants folded. */
  public static Expression or(Expression left, Expression right) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    if (left == Constant.TRUE || right == Constant.TRUE) {
      return Constant.TRUE;
    }
    if (left == Constant.FALSE) {
      return right;
    }
    if (right == Constant.FALSE) {
      return left;
    }
    return new Or(left, right);
  }

  /** The negation of the child; constants folded. */
  public static Expression not(Expression child) {
    Objects.requireNonNull(child, "child");
    if (child == Constant.TRUE) {
      return Constant.FALSE;
    }
    if (child == Constant.FALSE) {
      return Constant.TRUE;
    }
    return new Not(child);
  }

  /** A checked unbound predicate on the column the filter language names {@code column}. */
  public static Expression predicate(Operation op, String column, Object... values) {
    return predicate(op, Parser.parseReference(column), values == null ? null : Arrays.asList(values));
  }

  /** A checked unbound predicate. */
  public static Expression predicate(Operation op, List<String> path, List<Object> values) {
    String column = Printer.reference(path);
    if (op.isUnary()) {
      return new UnboundPredicate(op, path, List.of());
    }
    if (values == null || values.isEmpty()) {
      throw new InvalidArgumentException("'" + Literals.lower(op) + "' on '" + column + "' needs "
          + (op.isSet() ? "at least one value" : "a value"));
    }
    if (!op.isSet() && values.size() != 1) {
      throw new InvalidArgumentException("'" + Literals.lower(op) + "' on '" + column + "' takes one value");
    }
    List<Object> checked = new ArrayList<>(values.size());
    for (Object v : values) {
      checked.add(Literals.checkUnbound(column, v));
    }
    if ((op == Operation.STARTS_WITH || op == Operation.NOT_STARTS_WITH) && !(checked.get(0) instanceof String)) {
      throw new InvalidArgumentException("'starts with' on '" + column + "' needs a string, got " + values.get(0));
    }
    return new UnboundPredicate(op, path, checked);
  }
}

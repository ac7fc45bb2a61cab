package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import java.util.Comparator;

/**
 * Decides from {@link FieldBounds} whether any row might match a bound expression. Conservative:
 * it answers false only when no row can match (so a file, row group or manifest can be
 * skipped), and true whenever something needed is unknown. Rows whose value is null or NaN
 * never match a comparison, so only {@code is null}/{@code is nan} and their negations look at
 * the null and NaN counts. Bounds are inclusive and may be truncated; they are only ever used
 * as bounds. Thread-safe.
 */
public final class BoundsEvaluator {
  private final Expression expression;

  /**
   * An evaluator of a bound expression (for partition bounds: one from {@link Projections}).
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the expression is not bound
   */
  public BoundsEvaluator(Expression bound) {
    this.expression = Rewrites.requireBound(bound, "bounds evaluator");
  }

  /** False only when no row described by the bounds can match. */
  public boolean mightMatch(FieldBounds bounds) {
    return eval(expression, bounds);
  }

  private static boolean eval(Expression e, FieldBounds bounds) {
    if (e instanceof BoundPredicate p) {
      return mightMatch(p, bounds);
    } else if (e instanceof And a) {
      return eval(a.left(), bounds) && eval(a.right(), bounds);
    } else if (e instanceof Or o) {
      return eval(o.left(), bounds) || eval(o.right(), bounds);
    }
    return e != Constant.FALSE;
  }

  static boolean mightMatch(BoundPredicate p, FieldBounds bounds) {
    int id = p.ref().fieldId();
    boolean floating = p.ref().isFloating();
    Long rows = bounds.rowCount();
    Long nulls = bounds.nullCount(id);
    Long nans = floating ? bounds.nanCount(id) : Long.valueOf(0);
    boolean allNull = rows != null && nulls != null && nulls >= rows;
    switch (p.op()) {
      case IS_NULL:
        return !(nulls != null && nulls == 0) && !(rows != null && rows == 0);
      case NOT_NULL:
        return !allNull;
      case IS_NAN:
        return !(nans != null && nans == 0) && !allNull;
      case NOT_NAN:
        return !(rows != null && nans != null && nans >= rows);
      default:
        break;
    }
    // comparisons: only values that are neither null nor NaN can match
    if (rows != null && nulls != null && nans != null && nulls + nans >= rows) {
      return false;
    }
    Comparator<Object> order = Literals.comparator(p.ref().type());
    Object lower = bound(p, bounds.lower(id));
    Object upper = bound(p, bounds.upper(id));
    switch (p.op()) {
      case LT:
        return lower == null || order.compare(lower, p.literal()) < 0;
      case LT_EQ:
        return lower == null || order.compare(lower, p.literal()) <= 0;
      case GT:
        return upper == null || order.compare(upper, p.literal()) > 0;
      case GT_EQ:
        return upper == null || order.compare(upper, p.literal()) >= 0;
      case EQ:
        return within(order, lower, upper, p.literal());
      case NOT_EQ:
        return !(lower != null && upper != null && order.compare(lower, p.literal()) == 0
            && order.compare(upper, p.literal()) == 0);
      case IN:
        for (Object v : p.literals()) {
          if (within(order, lower, upper, v)) {
            return true;
          }
        }
        return false;
      case NOT_IN:
        if (lower == null || upper == null || order.compare(lower, upper) != 0) {
          return true;
        }
        for (Object v : p.literals()) {
          if (order.compare(lower, v) == 0) {
            return false;
          }
        }
        return true;
      case STARTS_WITH: {
        String prefix = (String) p.literal();
        if (upper != null && order.compare(upper, prefix) < 0) {
          return false; // every value is below the prefix, and so below every string starting with it
        }
        if (lower != null) {
          String head = Literals.prefix((String) lower, Literals.codePointLength(prefix));
          return order.compare(head, prefix) <= 0;  // beyond every string starting with the prefix
        }
        return true;
      }
      case NOT_STARTS_WITH: {
        String prefix = (String) p.literal();
        // every value between two strings that start with the prefix starts with it
        return !(lower != null && upper != null && ((String) lower).startsWith(prefix)
            && ((String) upper).startsWith(prefix));
      }
      default:
        throw new IllegalStateException("not a predicate: " + p.op());
    }
  }

  private static boolean within(Comparator<Object> order, Object lower, Object upper, Object v) {
    return (lower == null || order.compare(lower, v) <= 0) && (upper == null || order.compare(upper, v) >= 0);
  }

  /** A bound in comparable form, or null when unknown or unusable (NaN). */
  private static Object bound(BoundPredicate p, Object value) {
    if (value == null || Literals.isNaN(value)) {
      return null;
    }
    return Literals.normalize(p.ref().type(), value);
  }

  @Override
  public String toString() {
    return "BoundsEvaluator(" + expression + ")";
  }
}

package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import java.util.Comparator;

/**
 * Decides from {@link FieldBounds} whether <em>every</em> row matches a bound expression — the
 * strict counterpart of {@link BoundsEvaluator}. Conservative the other way: it answers true only
 * when the bounds prove that every row makes the expression true, and false whenever something
 * needed is unknown. A comparison is proved only for a field known to hold no null (and, for
 * float and double, no NaN), since such rows never match it. {@code or} is proved when one side
 * is (a file whose rows split between the sides is not recognized). Bounds may be truncated;
 * they are used only as bounds. Thread-safe.
 *
 * <p>Deletes use it to remove files without reading them.
 */
public final class StrictEvaluator {
  private final Expression expression;

  /**
   * An evaluator of a bound expression.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the expression is not bound
   */
  public StrictEvaluator(Expression bound) {
    this.expression = Rewrites.requireBound(bound, "strict evaluator");
  }

  /** True only when every row described by the bounds matches. */
  public boolean allMatch(FieldBounds bounds) {
    Long rows = bounds.rowCount();
    if (rows != null && rows == 0) {
      return true;
    }
    return eval(expression, bounds);
  }

  private static boolean eval(Expression e, FieldBounds bounds) {
    if (e instanceof BoundPredicate p) {
      return allMatch(p, bounds);
    } else if (e instanceof And a) {
      return eval(a.left(), bounds) && eval(a.right(), bounds);
    } else if (e instanceof Or o) {
      return eval(o.left(), bounds) || eval(o.right(), bounds);
    }
    return e == Constant.TRUE;
  }

  private static boolean allMatch(BoundPredicate p, FieldBounds bounds) {
    int id = p.ref().fieldId();
    Long rows = bounds.rowCount();
    Long nulls = bounds.nullCount(id);
    Long nans = p.ref().isFloating() ? bounds.nanCount(id) : Long.valueOf(0);
    boolean noNulls = (nulls != null && nulls == 0) || !p.ref().nullable();
    boolean noNaNs = nans != null && nans == 0;
    switch (p.op()) {
      case IS_NULL:
        return rows != null && nulls != null && nulls >= rows;
      case NOT_NULL:
        return noNulls;
      case IS_NAN:
        return rows != null && nans != null && nans >= rows;
      case NOT_NAN:
        return noNaNs;
      default:
        break;
    }
    if (!noNulls || !noNaNs) {
      return false;
    }
    Object lower = bound(p, bounds.lower(id));
    Object upper = bound(p, bounds.upper(id));
    if (lower == null || upper == null) {
      return false;
    }
    Comparator<Object> order = Literals.comparator(p.ref().type());
    switch (p.op()) {
      case LT:
        return order.compare(upper, p.literal()) < 0;
      case LT_EQ:
        return order.compare(upper, p.literal()) <= 0;
      case GT:
        return order.compare(lower, p.literal()) > 0;
      case GT_EQ:
        return order.compare(lower, p.literal()) >= 0;
      case EQ:
        return order.compare(lower, p.literal()) == 0 && order.compare(upper, p.literal()) == 0;
      case IN:
        if (order.compare(lower, upper) != 0) {
          return false;
        }
        for (Object v : p.literals()) {
          if (order.compare(lower, v) == 0) {
            return true;
          }
        }
        return false;
      case NOT_EQ:
      case NOT_IN:
        for (Object v : p.literals()) {
          if (order.compare(lower, v) <= 0 && order.compare(upper, v) >= 0) {
            return false; // the value may be in the file
          }
        }
        return true;
      case STARTS_WITH: {
        // the strings starting with a prefix form an interval: both ends in it puts all in it
        String prefix = (String) p.literal();
        return ((String) lower).startsWith(prefix) && ((String) upper).startsWith(prefix);
      }
      case NOT_STARTS_WITH: {
        String prefix = (String) p.literal();
        if (order.compare(upper, prefix) < 0) {
          return true; // all below the prefix, so below every string starting with it
        }
        String head = Literals.prefix((String) lower, Literals.codePointLength(prefix));
        return order.compare(head, prefix) > 0; // all beyond every string starting with it
      }
      default:
        throw new IllegalStateException("not a predicate: " + p.op());
    }
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
    return "StrictEvaluator(" + expression + ")";
  }
}

package io.tidemark.core.internal.expr;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.StructType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tests rows against a bound expression with SQL's three-valued logic: a comparison with a null
 * or NaN value is unknown, {@code not} of unknown is unknown, and a row matches only when the
 * expression is true. So {@code not (x = 1)} does not match a row whose {@code x} is null.
 *
 * <p>Fields are found by id in the record's struct, members of nested structs too; a field the
 * record does not carry reads as null. Timestamps are compared at microsecond precision, as a
 * data file stores them. Works for data rows (bound to the table schema) and for partition
 * values (a record of the partition struct, with an expression from {@link Projections}).
 * Thread-safe.
 */
public final class RowEvaluator {
  private final Expression expression;
  private final Set<Integer> fieldIds;
  private volatile Positions positions;

  /**
   * An evaluator of a bound expression.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the expression is not bound
   */
  public RowEvaluator(Expression bound) {
    this.expression = Rewrites.requireBound(bound, "row evaluator");
    this.fieldIds = Binder.referencedFieldIds(expression);
  }

  /** True when the expression is true for the row (false when it is false or unknown). */
  public boolean matches(Record row) {
    Positions p = positions;
    if (p == null || p.struct != row.struct()) {
      p = new Positions(row.struct(), fieldIds);
      positions = p;
    }
    return Boolean.TRUE.equals(eval(expression, row, p));
  }

  /** Three-valued: TRUE, FALSE, or null for unknown. */
  private static Boolean eval(Expression e, Record row, Positions positions) {
    if (e instanceof BoundPredicate p) {
      return test(p, positions.value(row, p.ref().fieldId()));
    } else if (e instanceof And a) {
      Boolean left = eval(a.left(), row, positions);
      if (Boolean.FALSE.equals(left)) {
        return false;
      }
      Boolean right = eval(a.right(), row, positions);
      if (Boolean.FALSE.equals(right)) {
        return false;
      }
      return left == null || right == null ? null : true;
    } else if (e instanceof Or o) {
      Boolean left = eval(o.left(), row, positions);
      if (Boolean.TRUE.equals(left)) {
        return true;
      }
      Boolean right = eval(o.right(), row, positions);
      if (Boolean.TRUE.equals(right)) {
        return true;
      }
      return left == null || right == null ? null : false;
    } else if (e instanceof Not n) {
      Boolean child = eval(n.child(), row, positions);
      return child == null ? null : !child;
    }
    return e == Constant.TRUE;
  }

  /** The predicate on one value: TRUE, FALSE, or null for unknown. */
  static Boolean test(BoundPredicate p, Object raw) {
    Object value = Literals.normalize(p.ref().type(), raw);
    switch (p.op()) {
      case IS_NULL:
        return value == null;
      case NOT_NULL:
        return value != null;
      case IS_NAN:
        return value != null && Literals.isNaN(value);
      case NOT_NAN:
        return value == null || !Literals.isNaN(value);
      default:
        break;
    }
    if (value == null || Literals.isNaN(value)) {
      return null;
    }
    Comparator<Object> order = Literals.comparator(p.ref().type());
    List<Object> literals = p.literals();
    switch (p.op()) {
      case LT:
        return order.compare(value, p.literal()) < 0;
      case LT_EQ:
        return order.compare(value, p.literal()) <= 0;
      case GT:
        return order.compare(value, p.literal()) > 0;
      case GT_EQ:
        return order.compare(value, p.literal()) >= 0;
      case EQ:
        return order.compare(value, p.literal()) == 0;
      case NOT_EQ:
        return order.compare(value, p.literal()) != 0;
      case IN:
        return contains(order, literals, value);
      case NOT_IN:
        return !contains(order, literals, value);
      case STARTS_WITH:
        return ((String) value).startsWith((String) p.literal());
      case NOT_STARTS_WITH:
        return !((String) value).startsWith((String) p.literal());
      default:
        throw new IllegalStateException("not a predicate: " + p.op());
    }
  }

  private static boolean contains(Comparator<Object> order, List<Object> literals, Object value) {
    for (Object literal : literals) {
      if (order.compare(value, literal) == 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "RowEvaluator(" + expression + ")";
  }

  /** Where each referenced field id sits in one struct: positions through nested structs. */
  private static final class Positions {
    final StructType struct;
    final Map<Integer, int[]> paths = new HashMap<>();

    Positions(StructType struct, Set<Integer> ids) {
      this.struct = struct;
      for (int id : ids) {
        int[] path = find(struct, id, new int[0]);
        if (path != null) {
          paths.put(id, path);
        }
      }
    }

    private static int[] find(StructType struct, int id, int[] prefix) {
      List<NestedField> fields = struct.fields();
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).id() == id) {
          return append(prefix, i);
        }
      }
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).type() instanceof StructType nested) {
          int[] found = find(nested, id, append(prefix, i));
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    private static int[] append(int[] prefix, int i) {
      int[] out = java.util.Arrays.copyOf(prefix, prefix.length + 1);
      out[prefix.length] = i;
      return out;
    }

    Object value(Record row, int id) {
      int[] path = paths.get(id);
      if (path == null) {
        return null;
      }
      Object v = row;
      for (int position : path) {
        if (!(v instanceof Record r)) {
          return null;
        }
        v = r.get(position);
      }
      return v;
    }
  }
}

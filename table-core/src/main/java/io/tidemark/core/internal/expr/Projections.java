package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expression.Operation;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transform;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Projects a filter on source columns onto a partition spec's fields: inclusive projection,
 * so every row that matches the filter lies in a partition whose values match the projection,
 * and a file whose partition does not match can be skipped.
 *
 * <p>Per transform: {@code identity} keeps every predicate; the order-preserving transforms
 * ({@code truncate}, {@code year}, {@code month}, {@code day}, {@code hour}) project
 * {@code < <= > >= = in}, a strict bound first made inclusive on integer-like types (so
 * {@code ts < '2024-01-02 00:00:00'} with {@code day} keeps {@code day <= 2024-01-01}), and
 * {@code truncate} of strings projects {@code starts with}; {@code bucket} projects {@code =}
 * and {@code in}; every transform but {@code void} projects {@code is null} and
 * {@code is not null}; anything else, {@code void} and unknown transforms project to true.
 * Several partition fields on one column give the conjunction of their projections.
 */
public final class Projections {
  private Projections() {}

  /**
   * The inclusive projection of a bound filter onto a spec's partition fields. The result is
   * bound to the partition struct (field id = partition field id, type = the transform's
   * result type), ready for a {@link RowEvaluator} over partition values or a
   * {@link BoundsEvaluator} over partition bounds keyed by partition field id.
   *
   * @param bound a filter bound to {@code schema} (see {@link Binder#bind})
   * @param spec the partition spec of the files to prune
   * @param schema the table schema the spec's source ids refer to
   * @throws InvalidArgumentException when the filter is not bound
   */
  public static Expression project(Expression bound, PartitionSpec spec, Schema schema) {
    Expression e = Rewrites.requireBound(bound, "partition projection");
    List<Target> targets = new ArrayList<>();
    for (PartitionField f : spec.fields()) {
      Type resultType;
      try {
        resultType = f.resultType(schema);
      } catch (InvalidArgumentException ex) {
        continue; // a field this schema cannot evaluate prunes nothing
      }
      targets.add(new Target(f.sourceId(), f.fieldId(), f.name(), f.transform(), resultType));
    }
    return project(e, targets);
  }

  /** A partition field ready for projection. */
  record Target(int sourceId, int fieldId, String name, Transform transform, Type resultType) {
    BoundReference reference() {
      return new BoundReference(fieldId, List.of(name), resultType, true);
    }
  }

  static Expression project(Expression e, List<Target> targets) {
    if (e instanceof And a) {
      return Expressions.and(project(a.left(), targets), project(a.right(), targets));
    } else if (e instanceof Or o) {
      return Expressions.or(project(o.left(), targets), project(o.right(), targets));
    } else if (e instanceof BoundPredicate p) {
      Expression result = Constant.TRUE;
      for (Target t : targets) {
        if (t.sourceId() == p.ref().fieldId()) {
          Expression projected;
          try {
            projected = predicate(p, t);
          } catch (InvalidArgumentException | ClassCastException ex) {
            projected = Constant.TRUE; // e.g. a literal whose hour is beyond the int range
          }
          result = Expressions.and(result, projected);
        }
      }
      return result;
    }
    return e;
  }

  private static Expression predicate(BoundPredicate p, Target t) {
    Transform transform = t.transform();
    BoundReference part = t.reference();
    Operation op = p.op();
    String name = transform.name();
    if (name.equals("identity")) {
      return new BoundPredicate(op, part, p.literals());
    }
    if (name.equals("void")) {
      return Constant.TRUE;
    }
    if (op == Operation.IS_NULL || op == Operation.NOT_NULL) {
      // known transforms other than void map null to null and a value to a value
      return isKnown(name) ? BoundPredicate.unary(op, part) : Constant.TRUE;
    }
    if (name.equals("bucket")) {
      return switch (op) {
        case EQ -> BoundPredicate.of(Operation.EQ, part, apply(p, t, p.literal()));
        case IN -> in(p, t, part);
        default -> Constant.TRUE;
      };
    }
    if (!isOrdered(name) || !transform.preservesOrder()) {
      return Constant.TRUE;
    }
    Type source = p.ref().type();
    switch (op) {
      case LT: {
        Object previous = Literals.predecessor(source, p.literal());
        if (previous == Literals.NONE) {
          return Constant.FALSE; // nothing is below the least value
        }
        Object inclusive = previous == null ? p.literal() : previous;
        return BoundPredicate.of(Operation.LT_EQ, part, apply(p, t, inclusive));
      }
      case LT_EQ:
        return BoundPredicate.of(Operation.LT_EQ, part, apply(p, t, p.literal()));
      case GT: {
        Object following = Literals.successor(source, p.literal());
        if (following == Literals.NONE) {
          return Constant.FALSE; // nothing is above the greatest value
        }
        Object inclusive = following == null ? p.literal() : following;
        return BoundPredicate.of(Operation.GT_EQ, part, apply(p, t, inclusive));
      }
      case GT_EQ:
        return BoundPredicate.of(Operation.GT_EQ, part, apply(p, t, p.literal()));
      case EQ:
        return BoundPredicate.of(Operation.EQ, part, apply(p, t, p.literal()));
      case IN:
        return in(p, t, part);
      case STARTS_WITH:
      case NOT_STARTS_WITH: {
        if (!name.equals("truncate") || source != PrimitiveType.STRING) {
          return Constant.TRUE;
        }
        String prefix = (String) p.literal();
        if (Literals.codePointLength(prefix) <= transform.parameter()) {
          // x starts with P <=> truncate(x) starts with P when P is no longer than the width
          return BoundPredicate.of(op, part, prefix);
        }
        // a value starting with P is cut to P's first W code points; nothing to say otherwise
        return op == Operation.STARTS_WITH
            ? BoundPredicate.of(Operation.EQ, part, apply(p, t, prefix))
            : Constant.TRUE;
      }
      default:
        return Constant.TRUE;
    }
  }

  private static Expression in(BoundPredicate p, Target t, BoundReference part) {
    TreeSet<Object> values = new TreeSet<>(Literals.comparator(part.type()));
    for (Object literal : p.literals()) {
      values.add(apply(p, t, literal));
    }
    if (values.size() == 1) {
      return BoundPredicate.of(Operation.EQ, part, values.first());
    }
    return new BoundPredicate(Operation.IN, part, new ArrayList<>(values));
  }

  private static Object apply(BoundPredicate p, Target t, Object literal) {
    Object value = t.transform().apply(p.ref().type(), literal);
    if (value == null) {
      throw new InvalidArgumentException("transform " + t.transform() + " gave null");
    }
    return value;
  }

  private static boolean isOrdered(String name) {
    return switch (name) {
      case "truncate", "year", "month", "day", "hour" -> true;
      default -> false;
    };
  }

  private static boolean isKnown(String name) {
    return isOrdered(name) || name.equals("bucket") || name.equals("identity");
  }
}

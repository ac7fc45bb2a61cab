package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expression.Operation;
import java.util.List;

/**
 * Translates a bound expression bottom-up into something else: a file format's pushdown
 * predicate, an engine's own filter. {@link #visit} walks the tree with negations pushed into the
 * predicates, so a visitor sees only constants, {@code and}, {@code or} and predicates.
 *
 * @param <R> what each node becomes
 */
public interface BoundVisitor<R> {
  /** The constant {@code true}. */
  R alwaysTrue();

  /** The constant {@code false}. */
  R alwaysFalse();

  /** Both children hold; {@code left} and {@code right} are the children's results. */
  R and(R left, R right);

  /** Either child holds; {@code left} and {@code right} are the children's results. */
  R or(R left, R right);

  /**
   * A predicate on one field.
   *
   * @param op a predicate operation ({@link Operation#IS_NULL} and after)
   * @param fieldId the id of the field, a primitive column or a member of nested structs
   * @param literals the literals, of the field's Java type: none for null and NaN tests, one for
   *     comparisons and {@code starts with}, a sorted list without duplicates for {@code in} and
   *     {@code not in}
   */
  R predicate(Operation op, int fieldId, List<Object> literals);

  /**
   * Visits a bound expression.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the expression is not bound
   */
  static <R> R visit(Expression bound, BoundVisitor<R> visitor) {
    return walk(Rewrites.requireBound(bound, "expression visitor"), visitor);
  }

  private static <R> R walk(Expression e, BoundVisitor<R> visitor) {
    if (e instanceof And a) {
      return visitor.and(walk(a.left(), visitor), walk(a.right(), visitor));
    } else if (e instanceof Or o) {
      return visitor.or(walk(o.left(), visitor), walk(o.right(), visitor));
    } else if (e instanceof BoundPredicate p) {
      return visitor.predicate(p.op(), p.ref().fieldId(), p.literals());
    }
    return e == Constant.FALSE ? visitor.alwaysFalse() : visitor.alwaysTrue();
  }
}

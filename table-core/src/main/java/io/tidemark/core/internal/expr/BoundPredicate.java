package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import java.util.List;

/**
 * A predicate on a field id with literals of the field's Java type: one for comparisons and
 * {@code starts with}, a sorted list without duplicates for {@code in}/{@code not in}, none for
 * null and NaN tests.
 */
record BoundPredicate(Operation op, BoundReference ref, List<Object> literals) implements Expression {
  BoundPredicate {
    literals = List.copyOf(literals);
  }

  static BoundPredicate unary(Operation op, BoundReference ref) {
    return new BoundPredicate(op, ref, List.of());
  }

  static BoundPredicate of(Operation op, BoundReference ref, Object literal) {
    return new BoundPredicate(op, ref, List.of(literal));
  }

  @Override
  public boolean isBound() {
    return true;
  }

  Object literal() {
    return literals.get(0);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}

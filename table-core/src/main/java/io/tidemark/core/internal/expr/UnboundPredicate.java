package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import java.util.List;

/**
 * A predicate on a column named by its path (one name per struct level) with literals as the
 * caller gave them (already checked by {@link Literals#checkUnbound}).
 */
record UnboundPredicate(Operation op, List<String> path, List<Object> literals) implements Expression {
  UnboundPredicate {
    path = List.copyOf(path);
    literals = List.copyOf(literals);
  }

  @Override
  public boolean isBound() {
    return false;
  }

  /** The single literal of a one-literal predicate. */
  Object literal() {
    return literals.get(0);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}

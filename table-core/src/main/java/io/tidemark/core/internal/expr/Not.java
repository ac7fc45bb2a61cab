package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import java.util.Objects;

/** The child does not hold (an unknown child stays unknown). Bound expressions have none. */
record Not(Expression child) implements Expression {
  Not {
    Objects.requireNonNull(child, "child");
  }

  @Override
  public Operation op() {
    return Operation.NOT;
  }

  @Override
  public boolean isBound() {
    return false;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}

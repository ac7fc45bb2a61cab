package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import java.util.Objects;

/** Both children hold. */
record And(Expression left, Expression right) implements Expression {
  And {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public Operation op() {
    return Operation.AND;
  }

  @Override
  public boolean isBound() {
    return left.isBound() && right.isBound();
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}

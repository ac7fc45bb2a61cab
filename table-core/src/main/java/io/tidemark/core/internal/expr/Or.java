package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import java.util.Objects;

/** Either child holds. */
record Or(Expression left, Expression right) implements Expression {
  Or {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public Operation op() {
    return Operation.OR;
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

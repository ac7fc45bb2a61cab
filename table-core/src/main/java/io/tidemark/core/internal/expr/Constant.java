package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;

/** {@code true} and {@code false}. */
enum Constant implements Expression {
  TRUE(Operation.TRUE),
  FALSE(Operation.FALSE);

  private final Operation op;

  Constant(Operation op) {
    this.op = op;
  }

  @Override
  public Operation op() {
    return op;
  }

  @Override
  public boolean isBound() {
    return true;
  }

  @Override
  public String toString() {
    return this == TRUE ? "true" : "false";
  }
}

package io.tidemark.core.internal.expr;

import io.tidemark.spec.types.Type;
import java.util.List;

/**
 * A resolved column: its field id, its path of names (for printing), its primitive type, and
 * whether it can be null (it or one of its parent structs is optional).
 */
record BoundReference(int fieldId, List<String> path, Type type, boolean nullable) {
  BoundReference {
    path = List.copyOf(path);
  }

  boolean isFloating() {
    return Literals.isFloating(type);
  }

  @Override
  public String toString() {
    return Printer.reference(path);
  }
}

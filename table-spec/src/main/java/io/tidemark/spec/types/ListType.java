package io.tidemark.spec.types;

import java.util.Objects;

/**
 * A list of elements of one type. The element has a field id of its own so that data files can
 * be read by id.
 *
 * @param elementId the element's field id
 * @param elementType the element type
 * @param elementRequired true when elements may not be null
 */
public record ListType(int elementId, Type elementType, boolean elementRequired) implements Type {
  /** Checks the element type is present. */
  public ListType {
    Objects.requireNonNull(elementType, "elementType");
  }

  @Override
  public boolean isNested() {
    return true;
  }

  @Override
  public String toString() {
    return "list<" + elementType + (elementRequired ? " not null" : "") + ">";
  }
}

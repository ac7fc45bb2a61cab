package io.tidemark.spec.types;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Objects;

/**
 * A named field of a struct: the id that data files are read by, the name users see, the type,
 * and whether a value is required.
 *
 * @param id unique positive field id within the schema
 * @param name the field's name, unique within its struct
 * @param type the field's type
 * @param required true when null is not allowed
 * @param doc optional description, or null
 */
public record NestedField(int id, String name, Type type, boolean required, String doc) {
  /** Checks that the name is present and the id is not negative (0 means "not assigned yet"). */
  public NestedField {
    Objects.requireNonNull(type, "type");
    if (name == null || name.isBlank()) {
      throw new InvalidArgumentException("field name must not be empty (field id " + id + ")");
    }
    if (id < 0) {
      throw new InvalidArgumentException("field id must be positive, was " + id + " for '" + name + "'");
    }
  }

  /** A required field without doc. */
  public static NestedField required(int id, String name, Type type) {
    return new NestedField(id, name, type, true, null);
  }

  /** An optional field without doc. */
  public static NestedField optional(int id, String name, Type type) {
    return new NestedField(id, name, type, false, null);
  }

  @Override
  public String toString() {
    return id + ":" + name + " " + type + (required ? " not null" : "");
  }
}

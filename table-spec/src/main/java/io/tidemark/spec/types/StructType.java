package io.tidemark.spec.types;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A struct: an ordered list of named fields.
 *
 * @param fields the fields in order; names are unique
 */
public record StructType(List<NestedField> fields) implements Type {
  /** Copies the list and checks that names are unique. */
  public StructType {
    fields = List.copyOf(fields);
    Set<String> names = new HashSet<>();
    for (NestedField f : fields) {
      if (!names.add(f.name())) {
        throw new InvalidArgumentException("duplicate field name '" + f.name() + "'");
      }
    }
  }

  /** The field with this name, or null. */
  public NestedField field(String name) {
    for (NestedField f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The position of the field with this name, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean isNested() {
    return true;
  }

  @Override
  public String toString() {
    return fields.stream().map(f -> f.name() + ": " + f.type() + (f.required() ? " not null" : ""))
        .collect(Collectors.joining(", ", "struct<", ">"));
  }
}

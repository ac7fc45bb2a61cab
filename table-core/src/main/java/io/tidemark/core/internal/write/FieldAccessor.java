package io.tidemark.core.internal.write;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Reads a field, top-level or inside nested structs, from records of one struct type. */
final class FieldAccessor {
  private final int[] positions;

  private FieldAccessor(int[] positions) {
    this.positions = positions;
  }

  /**
   * The accessor of the field with this id.
   *
   * @throws InvalidArgumentException when no struct path leads to it (list elements and map
   *     values cannot be partition sources)
   */
  static FieldAccessor forId(StructType struct, int fieldId) {
    List<Integer> path = new ArrayList<>();
    if (!find(struct, fieldId, path)) {
      throw new InvalidArgumentException("field id " + fieldId + " is not a column or a member of a nested struct");
    }
    return new FieldAccessor(path.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean find(StructType struct, int fieldId, List<Integer> path) {
    List<NestedField> fields = struct.fields();
    for (int i = 0; i < fields.size(); i++) {
      NestedField f = fields.get(i);
      path.add(i);
      if (f.id() == fieldId) {
        return true;
      }
      if (f.type() instanceof StructType nested && find(nested, fieldId, path)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  /** The value, or null when it or a struct on the way is null. */
  Object get(Record record) {
    Object value = record;
    for (int position : positions) {
      if (value == null) {
        return null;
      }
      value = ((Record) value).get(position);
    }
    return value;
  }
}

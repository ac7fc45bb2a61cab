package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;

/**
 * One field of a partition spec: a transform of a source column, under a name of its own.
 *
 * @param sourceId field id of the source column
 * @param fieldId partition field id, unique across the table's specs (assigned from 1000 upward)
 * @param name the partition field's name (the key in a file's partition values)
 * @param transform the transform; its {@code toString()} is the form spec.md writes:
 *     {@code identity}, {@code bucket[N]}, {@code truncate[W]}, {@code year}, {@code month},
 *     {@code day}, {@code hour}, {@code void}
 */
public record PartitionField(int sourceId, int fieldId, String name, Transform transform) {
  /** Checks the parts are present. */
  public PartitionField {
    if (name == null || name.isBlank()) {
      throw new InvalidArgumentException("partition field name must not be empty");
    }
    if (transform == null) {
      throw new InvalidArgumentException("partition field '" + name + "' has no transform");
    }
  }

  /**
   * The source column in this schema.
   *
   * @throws InvalidArgumentException when the schema has no field with the source id
   */
  public NestedField source(Schema schema) {
    NestedField source = schema.findField(sourceId);
    if (source == null) {
      throw new InvalidArgumentException("partition field '" + name + "' (" + transform + ") has source field id "
          + sourceId + ", which is not in the schema");
    }
    return source;
  }

  /**
   * The type of this field's partition values: the transform's result type for the source
   * column's type.
   *
   * @throws InvalidArgumentException when the source is not in the schema or the transform does
   *     not apply to its type
   */
  public Type resultType(Schema schema) {
    NestedField source = source(schema);
    if (!transform.canApplyTo(source.type())) {
      throw new InvalidArgumentException("partition field '" + name + "': transform " + transform
          + " cannot be applied to column '" + source.name() + "' of type " + source.type());
    }
    return transform.resultType(source.type());
  }
}

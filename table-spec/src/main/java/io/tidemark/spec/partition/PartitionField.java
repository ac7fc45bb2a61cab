package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;

/**
 * One field of a partition spec: a transform of a source column, under a name of its own.
 *
 * @param sourceId field id of the source column
 * @param fieldId partition field id, unique across the table's specs
 * @param name the partition field's name (the key in a file's partition values)
 * @param transform the transform as spec.md writes it: {@code identity}, {@code bucket[N]},
 *     {@code truncate[W]}, {@code year}, {@code month}, {@code day}, {@code hour}, {@code void}
 */
public record PartitionField(int sourceId, int fieldId, String name, String transform) {
  /** Checks the parts are present. */
  public PartitionField {
    if (name == null || name.isBlank()) {
      throw new InvalidArgumentException("partition field name must not be empty");
    }
    if (transform == null || transform.isBlank()) {
      throw new InvalidArgumentException("partition field '" + name + "' has no transform");
    }
  }
}

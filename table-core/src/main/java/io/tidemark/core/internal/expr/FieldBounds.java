package io.tidemark.core.internal.expr;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.types.Schema;

/**
 * What is known about the values of fields over a set of rows (a data file, a row group, the
 * partition values of the files in a manifest), keyed by field id. Every method returns null
 * when it is unknown. Bounds are inclusive and need not be exact (long strings and binaries
 * are truncated), hold values of the field's Java type, and bound only the values that are
 * neither null nor NaN.
 */
public interface FieldBounds {
  /** The number of rows, or null. */
  Long rowCount();

  /** The number of rows where the field is null (including rows whose parent struct is null), or null. */
  Long nullCount(int fieldId);

  /** The number of rows where the float or double field is NaN, or null. */
  Long nanCount(int fieldId);

  /** A value at most every non-null, non-NaN value of the field, or null. */
  Object lower(int fieldId);

  /** A value at least every non-null, non-NaN value of the field, or null. */
  Object upper(int fieldId);

  /**
   * The bounds a data file's {@code add} action records: its record count and the statistics
   * keyed by field id, decoded with the field's type in {@code schema} (the current table
   * schema; a field no longer in it, or a bound that cannot be decoded, is unknown).
   */
  static FieldBounds of(AddFile file, Schema schema) {
    return new AddFileBounds(file, schema);
  }
}

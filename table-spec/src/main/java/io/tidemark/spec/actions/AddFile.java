package io.tidemark.spec.actions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A data file becomes part of the table.
 *
 * @param path the file's path relative to the table root; see {@link TablePaths#checkRelative}
 * @param partitionValues partition field name to value in its JSON single-value form (null for
 *     a null value); empty for unpartitioned files
 * @param specId the partition spec the file was written with
 * @param size the file's size in bytes
 * @param recordCount the number of rows in the file
 * @param stats per-column statistics keyed by field id; a column may be absent
 * @param dataChange false when the file only rearranges rows already in the table
 * @param deletionVector the file's deleted row positions, or null when every row is live
 */
public record AddFile(String path, Map<String, Object> partitionValues, int specId, long size,
    long recordCount, Map<Integer, ColumnStats> stats, boolean dataChange, DeletionVector deletionVector)
    implements Action {
  /**
   * Checks the path and the vector's cardinality and copies the maps.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the path leaves the table or the vector deletes
   *     more rows than the file has
   */
  public AddFile {
    TablePaths.checkRelative(path);
    if (deletionVector != null && deletionVector.cardinality() > recordCount) {
      throw new io.tidemark.spec.error.InvalidArgumentException("add of '" + path + "' deletes "
          + deletionVector.cardinality() + " rows of " + recordCount);
    }
    partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(partitionValues)));
    stats = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(stats)));
  }

  /** A file without a deletion vector. */
  public AddFile(String path, Map<String, Object> partitionValues, int specId, long size, long recordCount,
      Map<Integer, ColumnStats> stats, boolean dataChange) {
    this(path, partitionValues, specId, size, recordCount, stats, dataChange, null);
  }

  /** The same file with another deletion vector (null for none). */
  public AddFile withDeletionVector(DeletionVector vector) {
    return new AddFile(path, partitionValues, specId, size, recordCount, stats, dataChange, vector);
  }

  /** The same file with another {@code dataChange} flag. */
  public AddFile withDataChange(boolean change) {
    return change == dataChange ? this
        : new AddFile(path, partitionValues, specId, size, recordCount, stats, change, deletionVector);
  }

  /** The rows deleted by the file's deletion vector (0 without one). */
  public long deletedRecordCount() {
    return deletionVector == null ? 0 : deletionVector.cardinality();
  }

  /** The file's rows that are not deleted: {@code recordCount} minus the vector's cardinality. */
  public long liveRecordCount() {
    return recordCount - deletedRecordCount();
  }

  @Override
  public String actionName() {
    return "add";
  }
}

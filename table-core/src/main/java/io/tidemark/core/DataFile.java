package io.tidemark.core;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.TablePaths;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A data file written for a table and not yet (or already) committed: what an {@link AppendFiles}
 * needs to add it to the table, wherever it was written. Immutable and {@link Serializable}; every
 * value is a string, a number, a boolean or null, so a description also travels as JSON.
 *
 * @param path the file's path relative to the table root (spec.md section 9)
 * @param specId the partition spec the file was written with
 * @param partitionValues partition field name to the file's value, in the spec's order, in the
 *     partition field's JSON single-value form (spec.md sections 6 and 8.4; null for a null value)
 * @param fileSizeBytes the file's size
 * @param recordCount the rows in the file
 * @param columnStatistics statistics by field id; a column may be absent
 */
public record DataFile(String path, int specId, Map<String, Object> partitionValues, long fileSizeBytes,
    long recordCount, Map<Integer, ColumnStatistics> columnStatistics) implements Serializable {
  /**
   * Checks the path and counts and copies the maps.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the path leaves the table or a count is negative
   */
  public DataFile {
    TablePaths.checkRelative(path);
    if (fileSizeBytes < 0 || recordCount < 0) {
      throw new io.tidemark.spec.error.InvalidArgumentException("data file " + path + " has a negative size ("
          + fileSizeBytes + ") or row count (" + recordCount + ")");
    }
    // not Map.copyOf: partition values may be null
    partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(partitionValues)));
    columnStatistics = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(columnStatistics)));
  }

  /** The description of a file the log adds. */
  static DataFile of(AddFile add) {
    Map<Integer, ColumnStatistics> stats = new TreeMap<>();
    add.stats().forEach((id, s) -> stats.put(id, new ColumnStatistics(s.nullCount(), s.nanCount(), s.min(),
        s.max())));
    return new DataFile(add.path(), add.specId(), add.partitionValues(), add.size(), add.recordCount(), stats);
  }

  /** The log's add action for this file, as a data change. */
  AddFile toAddFile() {
    Map<Integer, ColumnStats> stats = new TreeMap<>();
    columnStatistics.forEach((id, s) -> stats.put(id, new ColumnStats(s.nullCount(), s.nanCount(), s.lowerBound(),
        s.upperBound())));
    return new AddFile(path, partitionValues, specId, fileSizeBytes, recordCount, stats, true);
  }
}

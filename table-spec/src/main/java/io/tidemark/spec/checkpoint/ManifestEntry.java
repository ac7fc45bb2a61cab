package io.tidemark.spec.checkpoint;

import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.TablePaths;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One manifest in a checkpoint's manifest list: where it is and bounds that let a planner skip it.
 *
 * @param path the manifest file, relative to the table root ({@code _manifests/<uuid>.parquet})
 * @param size the manifest file's size in bytes
 * @param specId the partition spec of every data file in it
 * @param fileCount how many data files it lists
 * @param recordCount the rows in those data files
 * @param partitionBounds per partition field id: bounds of the files' partition values
 *     ({@code nullCount} counts files whose value is null)
 * @param columnBounds per column field id: bounds merged over the files' statistics; a column is
 *     absent when some file has no statistics for it
 */
public record ManifestEntry(String path, long size, int specId, long fileCount, long recordCount,
    Map<Integer, ColumnStats> partitionBounds, Map<Integer, ColumnStats> columnBounds) {
  /** Checks the path and the counts, and copies the maps. */
  public ManifestEntry {
    TablePaths.checkRelative(path);
    if (size < 0 || fileCount < 0 || recordCount < 0) {
      throw new InvalidArgumentException("manifest " + path + " has a negative size or count (size " + size
          + ", files " + fileCount + ", records " + recordCount + ")");
    }
    partitionBounds = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(partitionBounds)));
    columnBounds = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(columnBounds)));
  }
}

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
 */
public record AddFile(String path, Map<String, Object> partitionValues, int specId, long size,
    long recordCount, Map<Integer, ColumnStats> stats, boolean dataChange) implements Action {
  /** Checks the path and copies the maps. */
  public AddFile {
    TablePaths.checkRelative(path);
    partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(partitionValues)));
    stats = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(stats)));
  }

  @Override
  public String actionName() {
    return "add";
  }
}

package io.tidemark.core;

import java.time.Duration;
import java.util.List;

/**
 * What a vacuum deleted, or on a dry run would delete. Paths are relative to the table root.
 *
 * @param dryRun true when nothing was deleted
 * @param retention the retention window used
 * @param oldestRetainedVersion the oldest version kept readable
 * @param dataFiles data files (under {@code data/})
 * @param dataBytes their bytes
 * @param manifests manifests no checkpoint lists
 * @param logFiles commit files and checkpoints expired by log retention
 */
public record VacuumReport(boolean dryRun, Duration retention, long oldestRetainedVersion, List<String> dataFiles,
    long dataBytes, List<String> manifests, List<String> logFiles) {
  /** Copies the lists. */
  public VacuumReport {
    dataFiles = List.copyOf(dataFiles);
    manifests = List.copyOf(manifests);
    logFiles = List.copyOf(logFiles);
  }

  /** The number of data files. */
  public long numDataFiles() {
    return dataFiles.size();
  }
}

package io.tidemark.core;

import java.util.List;

/**
 * What a scan will read and why it is cheap.
 *
 * @param version the snapshot version planned
 * @param files the data files that may hold matching rows
 * @param metrics what planning looked at and pruned
 */
public record ScanPlan(long version, List<DataFile> files, PlanMetrics metrics) {
  /** Copies the list. */
  public ScanPlan {
    files = List.copyOf(files);
  }
}

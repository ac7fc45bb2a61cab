package io.tidemark.core;

/**
 * Counts of a scan plan's pruning stages.
 *
 * @param manifestsTotal manifests in the snapshot's checkpoint (0 before the first checkpoint)
 * @param manifestsRead manifests whose partition and column bounds could not rule them out
 * @param filesTotal live data files in the snapshot
 * @param filesMatched files whose partition values and column statistics could not rule them out
 * @param rowGroupsTotal row groups in the matched files, or null when footers were not read
 *     ({@link Scan#plan()}; {@link Scan#planRowGroups()} reads them)
 * @param rowGroupsMatched row groups whose statistics could not rule them out, or null
 * @param bytesToRead bytes to read: the matched files' sizes, or with row groups evaluated the
 *     compressed size of the matched row groups
 * @param planningMillis how long planning took, in milliseconds
 */
public record PlanMetrics(long manifestsTotal, long manifestsRead, long filesTotal, long filesMatched,
    Long rowGroupsTotal, Long rowGroupsMatched, long bytesToRead, double planningMillis) {
  /** Row groups skipped by their statistics, or null when they were not evaluated. */
  public Long rowGroupsSkipped() {
    return rowGroupsTotal == null ? null : rowGroupsTotal - rowGroupsMatched;
  }
}

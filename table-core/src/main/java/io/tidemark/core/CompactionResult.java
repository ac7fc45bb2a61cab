package io.tidemark.core;

/**
 * What a compaction did: files and bytes before (removed) and after (added).
 *
 * @param version the version it committed, or -1 when there was nothing to compact
 * @param numRemovedFiles small files rewritten and removed
 * @param numRemovedBytes their bytes
 * @param numAddedFiles files written
 * @param numAddedBytes their bytes
 * @param numPartitions partitions that had files rewritten
 */
public record CompactionResult(long version, long numRemovedFiles, long numRemovedBytes, long numAddedFiles,
    long numAddedBytes, long numPartitions) {
  /** True when a commit was made. */
  public boolean committed() {
    return version >= 0;
  }
}

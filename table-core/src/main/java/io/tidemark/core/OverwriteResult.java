package io.tidemark.core;

/**
 * What an overwrite did.
 *
 * @param version the version it committed, or -1 when there was nothing to do
 * @param numDeletedRows rows removed (matching the filter, or in the replaced partitions)
 * @param numRemovedFiles data files removed
 * @param numAddedFiles data files added: the new rows' and the rewritten ones'
 * @param numOutputRows new rows written
 * @param numCopiedRows rows copied from rewritten files
 */
public record OverwriteResult(long version, long numDeletedRows, long numRemovedFiles, long numAddedFiles,
    long numOutputRows, long numCopiedRows) {
  /** True when a commit was made. */
  public boolean committed() {
    return version >= 0;
  }
}

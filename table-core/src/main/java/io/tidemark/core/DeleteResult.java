package io.tidemark.core;

/**
 * What a delete did.
 *
 * @param version the version it committed, or -1 when no row matched and nothing was committed
 * @param numDeletedRows rows deleted
 * @param numRemovedFiles data files removed (both kinds below)
 * @param numRemovedFilesUnread files removed whole because their statistics proved every row
 *     matched, without reading them
 * @param numAddedFiles files written with the rows kept from rewritten files
 * @param numCopiedRows rows copied into those files
 */
public record DeleteResult(long version, long numDeletedRows, long numRemovedFiles, long numRemovedFilesUnread,
    long numAddedFiles, long numCopiedRows) {
  /** True when a commit was made. */
  public boolean committed() {
    return version >= 0;
  }
}

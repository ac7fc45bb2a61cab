package io.tidemark.core;

/**
 * What a merge did.
 *
 * @param version the version it committed, or -1 when nothing changed
 * @param numUpdatedRows table rows replaced by a source record
 * @param numDeletedRows table rows deleted by a source record's delete condition
 * @param numInsertedRows source records inserted because their key matched no row
 * @param numFilesRead data files read to find the matching rows
 */
public record MergeResult(long version, long numUpdatedRows, long numDeletedRows, long numInsertedRows,
    long numFilesRead) {
  /** True when a commit was made. */
  public boolean committed() {
    return version >= 0;
  }
}

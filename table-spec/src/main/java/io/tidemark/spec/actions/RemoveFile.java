package io.tidemark.spec.actions;

/**
 * A data file stops being part of the table. The file itself stays until vacuum deletes it, so
 * older versions remain readable.
 *
 * @param path the file's path relative to the table root
 * @param deletionTimestamp when it was removed, epoch milliseconds
 * @param dataChange false when the rows live on in another file (compaction)
 * @param size the file's size in bytes, or null when not known
 * @param recordCount the file's row count, or null when not known
 */
public record RemoveFile(String path, long deletionTimestamp, boolean dataChange, Long size,
    Long recordCount) implements Action {
  /** Checks the path. */
  public RemoveFile {
    TablePaths.checkRelative(path);
  }

  @Override
  public String actionName() {
    return "remove";
  }
}

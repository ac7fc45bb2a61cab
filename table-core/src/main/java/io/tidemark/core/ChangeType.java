package io.tidemark.core;

/** What happened to a row in a {@link Change}. */
public enum ChangeType {
  /** The row was added. */
  INSERT,
  /** The row was removed. */
  DELETE,
  /** The row as it was before an update (a {@code MERGE} that replaced it by key). */
  UPDATE_BEFORE,
  /** The row as an update left it; follows its {@link #UPDATE_BEFORE}. */
  UPDATE_AFTER
}

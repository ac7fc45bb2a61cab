package io.tidemark.spec.actions;

/**
 * One line of a commit file. A commit is the ordered list of its actions; spec.md defines each.
 */
public sealed interface Action permits CommitInfo, Protocol, Metadata, Txn, RemoveFile, AddFile {
  /** The key that names this action in its JSON line, e.g. {@code add}. */
  String actionName();
}

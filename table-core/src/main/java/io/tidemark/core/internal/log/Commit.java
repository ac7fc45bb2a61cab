package io.tidemark.core.internal.log;

import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import java.util.List;

/**
 * One parsed commit file.
 *
 * @param version the commit's version
 * @param info its commit info (the first action)
 * @param actions every action including the commit info, in file order
 * @param sizeBytes the file's size, used to weigh it in caches
 */
public record Commit(long version, CommitInfo info, List<Action> actions, long sizeBytes) {
  /** Copies the list. */
  public Commit {
    actions = List.copyOf(actions);
  }

  /** The protocol this commit sets, or null. */
  public Protocol protocol() {
    return first(Protocol.class);
  }

  /** The metadata this commit sets, or null. */
  public Metadata metadata() {
    return first(Metadata.class);
  }

  /** The files this commit adds. */
  public List<AddFile> adds() {
    return all(AddFile.class);
  }

  /** The files this commit removes. */
  public List<RemoveFile> removes() {
    return all(RemoveFile.class);
  }

  /** The application transactions this commit records. */
  public List<Txn> txns() {
    return all(Txn.class);
  }

  private <T extends Action> T first(Class<T> type) {
    for (Action a : actions) {
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    }
    return null;
  }

  private <T extends Action> List<T> all(Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

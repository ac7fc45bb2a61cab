package io.tidemark.core.snapshot;

import io.tidemark.core.checkpoint.ManifestCache;
import io.tidemark.core.log.Commit;
import io.tidemark.core.log.LogFiles;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.CorruptLogException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Replays commits, in version order, onto a state. Not thread-safe; one use: {@link #build()}
 * hands its collections to the state instead of copying them.
 */
public final class SnapshotBuilder {
  private final ManifestCache manifests;
  private final Checkpoint base;
  private final TableState.Fallback fallback;
  private long version;
  private long timestampMillis;
  private Protocol protocol;
  private Metadata metadata;
  private final LinkedHashMap<String, AddFile> tailAdds;
  private final Set<String> tailRemoves;
  private final Map<String, Long> appVersions;
  private long removedTailOnly;
  private boolean built;

  /** Starts from an empty table (before version 0). */
  public SnapshotBuilder(ManifestCache manifests) {
    this.manifests = manifests;
    this.base = null;
    this.fallback = TableState.Fallback.NONE;
    this.version = -1;
    this.tailAdds = new LinkedHashMap<>();
    this.tailRemoves = new HashSet<>();
    this.appVersions = new HashMap<>();
  }

  /**
   * Starts from a checkpoint.
   *
   * @param fallback loads the version again without the checkpoint if one of its manifests turns
   *     out unreadable
   */
  SnapshotBuilder(ManifestCache manifests, Checkpoint checkpoint, TableState.Fallback fallback) {
    this.manifests = manifests;
    this.base = checkpoint;
    this.fallback = fallback;
    this.version = checkpoint.version();
    this.timestampMillis = checkpoint.timestamp();
    this.protocol = checkpoint.protocol();
    this.metadata = checkpoint.metadata();
    this.tailAdds = new LinkedHashMap<>();
    this.tailRemoves = new HashSet<>();
    this.appVersions = new HashMap<>();
    for (Txn t : checkpoint.txns()) {
      appVersions.merge(t.appId(), t.version(), Math::max);
    }
  }

  /** Starts from an existing state. */
  public SnapshotBuilder(TableState state) {
    this.manifests = state.manifests();
    this.base = state.base();
    this.fallback = state.fallback();
    this.version = state.version();
    this.timestampMillis = state.timestampMillis();
    this.protocol = state.protocol();
    this.metadata = state.metadata();
    // the state's own maps, not its read-only views: copying through a view wraps every entry
    this.tailAdds = new LinkedHashMap<>(state.ownTailAdds());
    this.tailRemoves = new HashSet<>(state.ownTailRemoves());
    this.appVersions = new HashMap<>(state.appVersions());
    this.removedTailOnly = state.removedTailOnly();
  }

  /**
   * Applies the next commit.
   *
   * @throws CorruptLogException when the commit is not the next version, or version 0 lacks
   *     protocol or metadata
   */
  public SnapshotBuilder apply(Commit commit) {
    checkNotBuilt();
    String file = LogFiles.commitPath(commit.version());
    if (commit.version() != version + 1) {
      throw new CorruptLogException(file, 0, "expected version " + (version + 1) + " next");
    }
    for (Action action : commit.actions()) {
      if (action instanceof Protocol p) {
        protocol = p;
      } else if (action instanceof Metadata m) {
        metadata = m;
      } else if (action instanceof AddFile a) {
        tailAdds.put(a.path(), a);
      } else if (action instanceof RemoveFile r) {
        boolean wasTailAdd = tailAdds.remove(r.path()) != null;
        if (base != null && tailRemoves.add(r.path()) && wasTailAdd) {
          removedTailOnly++; // not a base file: it does not lower the base's file count
        }
      } else if (action instanceof Txn t) {
        appVersions.merge(t.appId(), t.version(), Math::max);
      }
    }
    if (protocol == null || metadata == null) {
      throw new CorruptLogException(file, 0, "the first commit must carry protocol and metadata");
    }
    version = commit.version();
    timestampMillis = commit.info().timestamp();
    return this;
  }

  /** The state after the commits applied so far. */
  public TableState build() {
    checkNotBuilt();
    if (version < 0) {
      throw new IllegalStateException("no commit applied");
    }
    built = true;
    return new TableState(version, timestampMillis, protocol, metadata, appVersions, base, tailAdds, tailRemoves,
        removedTailOnly, manifests, fallback);
  }

  private void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("this builder already built its state");
    }
  }
}

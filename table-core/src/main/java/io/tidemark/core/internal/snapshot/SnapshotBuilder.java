package io.tidemark.core.internal.snapshot;

import io.tidemark.core.internal.checkpoint.ManifestCache;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays commits, in version order, onto a state. Not thread-safe; one use: {@link #build()}
 * hands its collections to the state instead of copying them.
 *
 * <p>A {@code remove} must name a file live just before it (spec.md section 10.1): replayed from
 * version 0, every live file is known and the check is exact. Replayed from a checkpoint, a
 * remove of a path neither added nor removed since is a claim that the checkpoint lists it;
 * such claims are recorded with their version and checked by {@link TableState#checkRemoves()}
 * when the checkpoint's manifests are read, so that a replay never has to read them.
 */
public final class SnapshotBuilder {
  /** The value of a removed path in {@link #tailRemoves} that claims nothing to check. */
  static final long NO_CLAIM = -1;
  private final ManifestCache manifests;
  private final Checkpoint base;
  private final TableState.Fallback fallback;
  private long version;
  private long timestampMillis;
  private Protocol protocol;
  private Metadata metadata;
  private final LinkedHashMap<String, AddFile> tailAdds;
  /** Paths removed after the base: the version of an unchecked claim on a base file, or {@link #NO_CLAIM}. */
  private final Map<String, Long> tailRemoves;
  private final Map<String, Long> appVersions;
  private long removedTailOnly;
  private long uncheckedClaims;
  private boolean built;

  /** Starts from an empty table (before version 0). */
  public SnapshotBuilder(ManifestCache manifests) {
    this.manifests = manifests;
    this.base = null;
    this.fallback = TableState.Fallback.NONE;
    this.version = -1;
    this.tailAdds = new LinkedHashMap<>();
    this.tailRemoves = new HashMap<>();
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
    this.tailRemoves = new HashMap<>();
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
    this.tailRemoves = new HashMap<>(state.ownTailRemoves());
    this.appVersions = new HashMap<>(state.appVersions());
    this.removedTailOnly = state.removedTailOnly();
    if (state.uncheckedClaims() > 0 && state.removesChecked()) {
      tailRemoves.replaceAll((path, claim) -> NO_CLAIM); // the state found every claimed file in its base
    } else {
      this.uncheckedClaims = state.uncheckedClaims();
    }
  }

  /**
   * Applies the next commit.
   *
   * @throws CorruptLogException when the commit is not the next version, version 0 lacks
   *     protocol or metadata, a remove names a file that is not live, or an add names a partition
   *     spec or partition field the metadata does not have
   */
  public SnapshotBuilder apply(Commit commit) {
    return apply(commit, false);
  }

  /**
   * Applies a commit this process just made: its removes name files it read as live and checked
   * against every commit since, so they are not recorded as claims to check.
   *
   * @throws CorruptLogException as {@link #apply(Commit)}
   */
  public SnapshotBuilder applyOwn(Commit commit) {
    return apply(commit, true);
  }

  private SnapshotBuilder apply(Commit commit, boolean own) {
    checkNotBuilt();
    String file = LogFiles.commitPath(commit.version());
    if (commit.version() != version + 1) {
      throw new CorruptLogException(file, 0, "expected version " + (version + 1) + " next");
    }
    List<Action> actions = commit.actions();
    boolean adds = false;
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      if (action instanceof Protocol p) {
        protocol = p;
      } else if (action instanceof Metadata m) {
        metadata = m;
      } else if (action instanceof AddFile a) {
        tailAdds.put(a.path(), a);
        adds = true;
      } else if (action instanceof RemoveFile r) {
        remove(file, i + 1, r.path(), commit.version(), own);
      } else if (action instanceof Txn t) {
        appVersions.merge(t.appId(), t.version(), Math::max);
      }
    }
    if (protocol == null || metadata == null) {
      throw new CorruptLogException(file, 0, "the first commit must carry protocol and metadata");
    }
    if (adds) {
      checkAdds(file, actions);
    }
    version = commit.version();
    timestampMillis = commit.info().timestamp();
    return this;
  }

  private void remove(String file, int line, String path, long commitVersion, boolean own) {
    boolean wasTailAdd = tailAdds.remove(path) != null;
    if (base == null) {
      if (!wasTailAdd) {
        throw notLive(file, line, path);
      }
      return;
    }
    Long earlier = tailRemoves.get(path);
    if (wasTailAdd) {
      if (earlier == null) {
        tailRemoves.put(path, NO_CLAIM);
        removedTailOnly++; // not a base file: it does not lower the base's file count
      }
      return;
    }
    if (earlier != null) {
      throw notLive(file, line, path); // removed since the checkpoint and not added again
    }
    if (own) {
      tailRemoves.put(path, NO_CLAIM);
    } else {
      tailRemoves.put(path, commitVersion);
      uncheckedClaims++;
    }
  }

  static CorruptLogException notLive(String file, int line, String path) {
    return new CorruptLogException(file, line, "remove of '" + path + "', which is not a live file of the version"
        + " before (a remove must name a live file; spec.md section 10.1)");
  }

  /**
   * Checks what the planner cannot skip without dropping rows silently: the add's spec exists
   * and its partition values name only fields of that spec (spec.md section 8.4). Values are
   * checked against their types when they are parsed for pruning.
   */
  private void checkAdds(String file, List<Action> actions) {
    for (int i = 0; i < actions.size(); i++) {
      if (!(actions.get(i) instanceof AddFile a)) {
        continue;
      }
      PartitionSpec spec = metadata.spec(a.specId());
      if (spec == null) {
        throw new CorruptLogException(file, i + 1, "add of '" + a.path() + "' names partition spec " + a.specId()
            + ", which the table's metadata does not have");
      }
      for (String key : a.partitionValues().keySet()) {
        if (!hasField(spec, key)) {
          throw new CorruptLogException(file, i + 1, "add of '" + a.path() + "' has partition value '" + key
              + "', which is not a field of partition spec " + spec.specId() + " (fields are "
              + spec.fields().stream().map(PartitionField::name).toList() + ")");
        }
      }
    }
  }

  private static boolean hasField(PartitionSpec spec, String name) {
    for (PartitionField f : spec.fields()) {
      if (f.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The state after the commits applied so far. */
  public TableState build() {
    checkNotBuilt();
    if (version < 0) {
      throw new IllegalStateException("no commit applied");
    }
    built = true;
    return new TableState(version, timestampMillis, protocol, metadata, appVersions, base, tailAdds, tailRemoves,
        removedTailOnly, uncheckedClaims, manifests, fallback);
  }

  private void checkNotBuilt() {
    if (built) {
      throw new IllegalStateException("this builder already built its state");
    }
  }
}

package io.tidemark.core.snapshot;

import io.tidemark.core.log.Commit;
import io.tidemark.core.log.LogFiles;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.CorruptLogException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Replays commits, in version order, onto a state. Not thread-safe; one use. */
public final class SnapshotBuilder {
  private long version;
  private long timestampMillis;
  private Protocol protocol;
  private Metadata metadata;
  private final LinkedHashMap<String, AddFile> files;
  private final Map<String, Long> appVersions;

  /** Starts from an empty table (before version 0). */
  public SnapshotBuilder() {
    this.version = -1;
    this.files = new LinkedHashMap<>();
    this.appVersions = new HashMap<>();
  }

  /** Starts from an existing state. */
  public SnapshotBuilder(TableState base) {
    this.version = base.version();
    this.timestampMillis = base.timestampMillis();
    this.protocol = base.protocol();
    this.metadata = base.metadata();
    this.files = new LinkedHashMap<>(base.filesByPath());
    this.appVersions = new HashMap<>(base.appVersions());
  }

  /**
   * Applies the next commit.
   *
   * @throws CorruptLogException when the commit is not the next version, or version 0 lacks
   *     protocol or metadata
   */
  public SnapshotBuilder apply(Commit commit) {
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
        files.put(a.path(), a);
      } else if (action instanceof RemoveFile r) {
        files.remove(r.path());
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
    if (version < 0) {
      throw new IllegalStateException("no commit applied");
    }
    return new TableState(version, timestampMillis, protocol, metadata, new LinkedHashMap<>(files),
        new HashMap<>(appVersions));
  }
}

package io.tidemark.core;

import io.tidemark.core.internal.checkpoint.CheckpointSettings;
import io.tidemark.core.internal.checkpoint.CheckpointStore;
import io.tidemark.core.internal.checkpoint.CheckpointWriter;
import io.tidemark.core.internal.checkpoint.ManifestCache;
import io.tidemark.core.internal.checkpoint.StaleCheckpointBaseException;
import io.tidemark.core.internal.checkpoint.UnreadableManifestException;
import io.tidemark.core.internal.commit.Committer;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.evolve.Evolution;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.core.internal.ops.Operations;
import io.tidemark.core.internal.snapshot.SnapshotLoader;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table: its log, checkpoints, caches, snapshot loader and committer, shared by all its
 * writers and scans.
 */
final class BaseTable implements Table, TableContext {
  private static final Logger LOG = LoggerFactory.getLogger(BaseTable.class);

  private final FileIO io;
  /** True when the table made its file IO from its location, and so closes it. */
  private final boolean ownsIo;
  private final String location;
  private final TableLocations locations;
  private final TransactionLog log;
  private final ManifestCache manifests;
  private final SnapshotLoader loader;
  private final Committer committer;
  private final CheckpointWriter checkpointWriter;

  BaseTable(FileIO io, boolean ownsIo, String location, TableOptions options) {
    this.io = io;
    this.ownsIo = ownsIo;
    this.location = location;
    this.locations = new TableLocations(io, location);
    this.log = new TransactionLog(io, location, options.size(TableOptions.COMMIT_CACHE_BYTES));
    this.manifests = new ManifestCache(io, location, options.size(TableOptions.MANIFEST_CACHE_BYTES));
    CheckpointStore checkpoints = new CheckpointStore(io, location);
    this.loader = new SnapshotLoader(log, checkpoints, manifests, location,
        options.size(TableOptions.SNAPSHOT_CACHE_FILES));
    this.committer = new Committer(log, loader, location);
    this.checkpointWriter = new CheckpointWriter(io, location, manifests, checkpoints);
  }

  @Override
  public String locationOf(String path) {
    return locations.resolveInside(path);
  }

  @Override
  public TableLocations locations() {
    return locations;
  }

  @Override
  public Committer committer() {
    return committer;
  }

  @Override
  public TableState latestState() {
    return loader.refresh();
  }

  @Override
  public TableState stateAt(long version) {
    return loader.at(version);
  }

  @Override
  public TableState stateAsOf(Instant timestamp) {
    return loader.asOf(timestamp);
  }

  @Override
  public TransactionLog log() {
    return log;
  }

  /** Called after each commit: writes a checkpoint when the version is a multiple of the interval. */
  @Override
  public void afterCommit(TableState committed) {
    try {
      int interval = CheckpointSettings.fromProperties(committed.metadata().properties()).interval();
      if (interval > 0 && committed.version() > 0 && committed.version() % interval == 0) {
        writeCheckpoint(committed);
      }
    } catch (RuntimeException e) {
      // the commit stands whatever happens here: a missing checkpoint only makes loading slower
      LOG.warn("could not write the checkpoint of version {} of {}: {}", committed.version(), location,
          e.getMessage());
    }
  }

  private Checkpoint writeCheckpoint(TableState state) {
    // a remove that names no file of the base would otherwise vanish below the new checkpoint
    // and leave the file it meant to remove live for good
    state.checkRemoves();
    List<Txn> txns = new ArrayList<>();
    state.appVersions().forEach((app, v) -> txns.add(new Txn(app, v, null)));
    try {
      Checkpoint cp;
      try {
        cp = checkpointWriter.write(state.version(), state.timestampMillis(), state.protocol(), state.metadata(),
            txns, state.base(), state.tailRemoves(), state.tailAdds().values());
      } catch (UnreadableManifestException e) {
        // the base checkpoint is damaged: write from the same version loaded without it
        return writeCheckpoint(state.withoutCheckpoint(e));
      } catch (StaleCheckpointBaseException e) {
        // the next refresh loads from the newest checkpoint that does not list them
        loader.forget(e.missing());
        throw e;
      }
      loader.rebase(cp);
      LOG.debug("wrote checkpoint of version {} of {} with {} manifests", cp.version(), location,
          cp.manifests().size());
      return cp;
    } catch (IOException e) {
      throw new StorageException("cannot write the checkpoint of version " + state.version() + " of " + location
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long checkpoint() {
    try {
      try {
        return writeCheckpoint(loader.refresh()).version();
      } catch (StaleCheckpointBaseException e) {
        LOG.info("{}; loading {} again from its newest checkpoint", e.getMessage(), location);
        return writeCheckpoint(loader.refresh()).version();
      }
    } catch (StaleCheckpointBaseException e) {
      // manifests vanished again while loading (a concurrent vacuum): the internal type stays inside
      throw e.toPublic();
    } catch (UnreadableManifestException e) {
      throw e.toPublic();
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public FileIO io() {
    return io;
  }

  @Override
  public Snapshot currentSnapshot() {
    TableState cached = loader.cached();
    return new SnapshotView(cached != null ? cached : loader.refresh());
  }

  @Override
  public Snapshot refresh() {
    return new SnapshotView(loader.refresh());
  }

  @Override
  public Snapshot snapshot(long version) {
    return new SnapshotView(loader.at(version));
  }

  @Override
  public Snapshot snapshotAsOf(Instant timestamp) {
    return new SnapshotView(loader.asOf(timestamp));
  }

  @Override
  public DataWriter newDataWriter() {
    return new BaseDataWriter(this, latestState());
  }

  @Override
  public AppendFiles newAppendFiles() {
    return new BaseAppendFiles(this);
  }

  @Override
  public Transaction newTransaction() {
    return new BaseTransaction(this);
  }

  @Override
  public AppendWriter newAppend() {
    return new BaseAppendWriter(this, loader.refresh());
  }

  @Override
  public Scan newScan() {
    return new BaseScan(this, ScanOptions.DEFAULT);
  }

  @Override
  public Restore restore() {
    return Operations.restore(this);
  }

  @Override
  public Delete newDelete() {
    return Operations.delete(this);
  }

  @Override
  public Merge newMerge() {
    return Operations.merge(this);
  }

  @Override
  public java.util.List<Change> changes(long fromVersion, long toVersion) {
    return new io.tidemark.core.internal.ops.ChangeFeed(this).changes(fromVersion, toVersion);
  }

  @Override
  public java.util.List<Change> changes(Instant from, Instant to) {
    return new io.tidemark.core.internal.ops.ChangeFeed(this).changes(from, to);
  }

  @Override
  public Overwrite newOverwrite() {
    return Operations.overwrite(this);
  }

  @Override
  public Compaction compact() {
    return Operations.compact(this);
  }

  @Override
  public Vacuum vacuum() {
    return Operations.vacuum(this);
  }

  @Override
  public UpdateSchema updateSchema() {
    return Evolution.updateSchema(this);
  }

  @Override
  public UpdatePartitionSpec updateSpec() {
    return Evolution.updateSpec(this);
  }

  @Override
  public UpdateProperties updateProperties() {
    return new PropertiesUpdate(this);
  }

  @Override
  public List<HistoryEntry> history() {
    List<HistoryEntry> entries = new ArrayList<>();
    for (Commit commit : loader.history()) {
      CommitInfo info = commit.info();
      entries.add(new HistoryEntry(commit.version(), Instant.ofEpochMilli(info.timestamp()), info.operation(),
          info.operationParameters(), info.operationMetrics(), info.readVersion(), info.isolationLevel(),
          info.blindAppend(), info.engineInfo()));
    }
    return entries;
  }

  /**
   * Drops the caches and closes the file IO when the table made it; a file IO the caller passed in
   * stays open.
   */
  @Override
  public void close() {
    loader.clear();
    log.clearCache();
    manifests.clear();
    if (ownsIo) {
      try {
        io.close();
      } catch (IOException e) {
        throw new StorageException("cannot close the storage of " + location + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "Table{" + location + "}";
  }
}

package io.tidemark.core;

import io.tidemark.core.commit.Committer;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.log.Commit;
import io.tidemark.core.log.TransactionLog;
import io.tidemark.core.snapshot.SnapshotLoader;
import io.tidemark.core.snapshot.TableState;
import io.tidemark.spec.actions.CommitInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The table: its log, the loader of its snapshots and its committer, shared by all its writers and scans. */
final class BaseTable implements Table {
  private static final long COMMIT_CACHE_BYTES = 64L << 20;

  private final FileIO io;
  private final String location;
  private final TransactionLog log;
  private final SnapshotLoader loader;
  private final Committer committer;

  BaseTable(FileIO io, String location) {
    this.io = io;
    this.location = location;
    this.log = new TransactionLog(io, location, COMMIT_CACHE_BYTES);
    this.loader = new SnapshotLoader(log, location);
    this.committer = new Committer(log, loader, location);
  }

  Committer committer() {
    return committer;
  }

  TableState latestState() {
    return loader.refresh();
  }

  TableState stateAt(long version) {
    return loader.at(version);
  }

  TableState stateAsOf(Instant timestamp) {
    return loader.asOf(timestamp);
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
  public AppendWriter newAppend() {
    return new BaseAppendWriter(this, loader.refresh());
  }

  @Override
  public Scan newScan() {
    return new BaseScan(this, null, null, null);
  }

  @Override
  public List<HistoryEntry> history() {
    long latest = loader.refresh().version();
    List<HistoryEntry> entries = new ArrayList<>((int) Math.min(latest + 1, Integer.MAX_VALUE));
    for (long v = 0; v <= latest; v++) {
      Commit commit = log.read(v);
      CommitInfo info = commit.info();
      entries.add(new HistoryEntry(v, Instant.ofEpochMilli(info.timestamp()), info.operation(),
          info.operationParameters(), info.operationMetrics(), info.readVersion(), info.isolationLevel(),
          info.blindAppend(), info.engineInfo()));
    }
    return entries;
  }

  @Override
  public String toString() {
    return "Table{" + location + "}";
  }
}

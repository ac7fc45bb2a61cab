package io.tidemark.core.snapshot;

import io.tidemark.core.checkpoint.CheckpointStore;
import io.tidemark.core.checkpoint.ManifestCache;
import io.tidemark.core.log.Commit;
import io.tidemark.core.log.TransactionLog;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.TableNotFoundException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads snapshots of one table: from the newest usable checkpoint plus the commits after it, and
 * keeps the latest one loaded so that refreshing reads only the commits added since. Thread-safe.
 */
public final class SnapshotLoader {
  private final TransactionLog log;
  private final CheckpointStore checkpoints;
  private final ManifestCache manifests;
  private final String tableLocation;
  private final AtomicReference<TableState> latest = new AtomicReference<>();
  /** Older snapshots asked for by time travel, weighed by the files they hold in memory. */
  private final Cache<Long, TableState> older = Caffeine.newBuilder()
      .maximumWeight(Long.getLong("tidemark.cache.snapshots.files", 1_000_000L))
      .weigher((Long v, TableState s) -> 1 + s.tailAdds().size() + s.tailRemoves().size())
      .build();

  /** A loader over this log and these checkpoints. */
  public SnapshotLoader(TransactionLog log, CheckpointStore checkpoints, ManifestCache manifests,
      String tableLocation) {
    this.log = log;
    this.checkpoints = checkpoints;
    this.manifests = manifests;
    this.tableLocation = tableLocation;
  }

  /** A builder for the first commit of a table. */
  public SnapshotBuilder emptyBuilder() {
    return new SnapshotBuilder(manifests);
  }

  /**
   * After a checkpoint of the newest loaded version is written, holds that version as the
   * checkpoint (so later refreshes replay from it and keep little in memory).
   */
  public void rebase(Checkpoint checkpoint) {
    TableState rebased = new SnapshotBuilder(manifests, checkpoint).build();
    latest.updateAndGet(cur -> cur != null && cur.version() == checkpoint.version() ? rebased : cur);
  }

  /** The latest snapshot loaded so far, or null before the first load. No I/O. */
  public TableState cached() {
    return latest.get();
  }

  /**
   * Reads the commits added since the last load and returns the newest snapshot.
   *
   * @throws TableNotFoundException when the table has no commit
   */
  public TableState refresh() {
    TableState base = latest.get();
    if (base == null) {
      Optional<Checkpoint> cp = checkpoints.newestAtOrBefore(Long.MAX_VALUE);
      long newest = log.latestVersion(cp.map(Checkpoint::version).orElse(-1L));
      if (newest < 0) {
        throw new TableNotFoundException(tableLocation);
      }
      TableState state = replay(cp.orElse(null), newest);
      offer(state);
      return state;
    }
    long newest = log.refreshLatest(base.version());
    if (newest == base.version()) {
      return base;
    }
    TableState state = replayFrom(new SnapshotBuilder(base), base.version(), newest);
    offer(state);
    return state;
  }

  /** Records a snapshot known to be the newest (a commit just made it); older offers are ignored. */
  public void offer(TableState state) {
    latest.accumulateAndGet(state, (cur, next) -> cur == null || next.version() > cur.version() ? next : cur);
  }

  /**
   * The snapshot at a version.
   *
   * @throws InvalidArgumentException when the version does not exist
   */
  public TableState at(long version) {
    TableState newest = refresh();
    if (version < 0 || version > newest.version()) {
      throw new InvalidArgumentException("version " + version + " does not exist; the table has versions 0.."
          + newest.version());
    }
    if (version == newest.version()) {
      return newest;
    }
    try {
      return older.get(version, v -> replay(checkpoints.newestAtOrBefore(v).orElse(null), v));
    } catch (CorruptLogException e) {
      if (version > 0 && log.readIfExists(1).isEmpty()) {
        throw new InvalidArgumentException("version " + version + " of " + tableLocation + " is no longer available:"
            + " log retention expired the commits before the oldest kept checkpoint (" + e.getMessage() + ")", e);
      }
      throw e;
    }
  }

  /**
   * The snapshot current at an instant: the newest version whose in-commit timestamp is not
   * after it.
   *
   * @throws InvalidArgumentException when the instant is before the table was created
   */
  public TableState asOf(Instant instant) {
    return at(versionAsOf(instant));
  }

  /** The newest version whose in-commit timestamp is at or before the instant. */
  public long versionAsOf(Instant instant) {
    long millis = instant.toEpochMilli();
    TableState newest = refresh();
    long first = log.read(0).info().timestamp();
    if (millis < first) {
      throw new InvalidArgumentException("timestamp " + instant + " is before the table's first commit at "
          + Instant.ofEpochMilli(first));
    }
    if (millis >= newest.timestampMillis()) {
      return newest.version();
    }
    long lo = 0;
    long hi = newest.version();
    // invariant: timestamp(lo) <= millis < timestamp(hi); in-commit timestamps strictly increase
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      // a commit expired by log retention is older than every kept one
      Optional<Commit> commit = log.readIfExists(mid);
      if (commit.isEmpty() || commit.get().info().timestamp() <= millis) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private TableState replay(Checkpoint checkpoint, long version) {
    if (checkpoint == null) {
      return replayFrom(new SnapshotBuilder(manifests), -1, version);
    }
    return replayFrom(new SnapshotBuilder(manifests, checkpoint), checkpoint.version(), version);
  }

  private TableState replayFrom(SnapshotBuilder builder, long from, long to) {
    for (long v = from + 1; v <= to; v++) {
      builder.apply(log.read(v));
    }
    TableState state = builder.build();
    ProtocolSupport.checkReadable(state.protocol(), tableLocation);
    return state;
  }
}

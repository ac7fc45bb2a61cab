package io.tidemark.core.snapshot;

import io.tidemark.core.log.TransactionLog;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.TableNotFoundException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads snapshots of one table, keeping the latest one loaded so that refreshing reads only the
 * commits added since. Thread-safe.
 */
public final class SnapshotLoader {
  private final TransactionLog log;
  private final String tableLocation;
  private final AtomicReference<TableState> latest = new AtomicReference<>();

  /** A loader over this log. */
  public SnapshotLoader(TransactionLog log, String tableLocation) {
    this.log = log;
    this.tableLocation = tableLocation;
  }

  /** The latest snapshot loaded so far, or null before the first load. No I/O. */
  public TableState cached() {
    return latest.get();
  }

  /**
   * Reads the commits added since the last load and returns the newest snapshot.
   *
   * @throws TableNotFoundException when the log has no commit
   */
  public TableState refresh() {
    TableState base = latest.get();
    long known = base == null ? -1 : base.version();
    long newest = log.latestVersion(known);
    if (newest < 0) {
      throw new TableNotFoundException(tableLocation);
    }
    if (base != null && newest == known) {
      return base;
    }
    TableState state = replay(base, newest);
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
    return replay(null, version);
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
      if (log.read(mid).info().timestamp() <= millis) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private TableState replay(TableState base, long version) {
    SnapshotBuilder builder = base == null ? new SnapshotBuilder() : new SnapshotBuilder(base);
    long from = base == null ? 0 : base.version() + 1;
    for (long v = from; v <= version; v++) {
      builder.apply(log.read(v));
    }
    TableState state = builder.build();
    ProtocolSupport.checkReadable(state.protocol(), tableLocation);
    return state;
  }
}

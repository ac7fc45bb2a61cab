package io.tidemark.core.internal.snapshot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tidemark.core.Vacuum;
import io.tidemark.core.internal.checkpoint.CheckpointSettings;
import io.tidemark.core.internal.checkpoint.CheckpointStore;
import io.tidemark.core.internal.checkpoint.ManifestCache;
import io.tidemark.core.internal.checkpoint.UnreadableManifestException;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.MissingCommitException;
import io.tidemark.spec.error.TableNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads snapshots of one table: from the newest usable checkpoint plus the commits after it, and
 * keeps the latest one loaded so that refreshing reads only the commits added since. Thread-safe.
 *
 * <p>Damage costs only what needs the damaged file (spec 10.1, 10.4, 14): a version is loaded from
 * the commits up to it and never needs a later one; a checkpoint with a missing or damaged
 * manifest is replaced by an older checkpoint or the log, with a warning, when the manifest is
 * first read (checking every manifest up front would cost a listing per load); and a missing
 * commit is named, as expired by log retention or as lost.
 */
public final class SnapshotLoader {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);

  private final TransactionLog log;
  private final CheckpointStore checkpoints;
  private final ManifestCache manifests;
  private final String tableLocation;
  private final AtomicReference<TableState> latest = new AtomicReference<>();
  /** Manifests found missing or damaged: checkpoints that list one are not used again. */
  private final Set<String> unusableManifests = ConcurrentHashMap.newKeySet();
  /** Older snapshots asked for by time travel, weighed by the files they hold in memory. */
  private final Cache<Long, TableState> older;

  /**
   * How long a loader may go without news from the log before a refresh that finds no new commit
   * also checks that the newest commit it knows is still stored. Log retention (vacuum) deletes
   * commits older than its window — at least an hour unless forced — so a process idle for longer
   * could otherwise take an expired version for the next free one and commit where no reader
   * looks.
   */
  static final long RECHECK_AFTER_NANOS = TimeUnit.MINUTES.toNanos(10);

  private final LongSupplier nanoClock;
  private volatile long lastNewsNanos;
  /** The version from which refreshes look for a newer checkpoint again. */
  private volatile long nextHintCheck;

  /** A loader over this log and these checkpoints, keeping up to a million files of older snapshots. */
  public SnapshotLoader(TransactionLog log, CheckpointStore checkpoints, ManifestCache manifests,
      String tableLocation) {
    this(log, checkpoints, manifests, tableLocation, 1_000_000L);
  }

  /**
   * A loader over this log and these checkpoints.
   *
   * @param olderSnapshotFiles the most file entries of time-travel snapshots to keep in memory
   */
  public SnapshotLoader(TransactionLog log, CheckpointStore checkpoints, ManifestCache manifests,
      String tableLocation, long olderSnapshotFiles) {
    this(log, checkpoints, manifests, tableLocation, System::nanoTime, olderSnapshotFiles);
  }

  /** A loader whose idle time is measured by this clock (tests). */
  SnapshotLoader(TransactionLog log, CheckpointStore checkpoints, ManifestCache manifests,
      String tableLocation, LongSupplier nanoClock) {
    this(log, checkpoints, manifests, tableLocation, nanoClock, 1_000_000L);
  }

  private SnapshotLoader(TransactionLog log, CheckpointStore checkpoints, ManifestCache manifests,
      String tableLocation, LongSupplier nanoClock, long olderSnapshotFiles) {
    this.older = Caffeine.newBuilder()
        .maximumWeight(olderSnapshotFiles)
        .weigher((Long v, TableState s) -> 1 + s.tailAdds().size() + s.tailRemoves().size())
        .build();
    this.log = log;
    this.checkpoints = checkpoints;
    this.manifests = manifests;
    this.tableLocation = tableLocation;
    this.nanoClock = nanoClock;
    this.lastNewsNanos = nanoClock.getAsLong();
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
    TableState rebased = new SnapshotBuilder(manifests, checkpoint, this::withoutCheckpoint).build();
    latest.updateAndGet(cur -> cur != null && cur.version() == checkpoint.version() ? rebased : cur);
  }

  /**
   * Drops the snapshot held, so that the next refresh loads from the newest checkpoint: for a
   * state whose base checkpoint's manifests were vacuumed.
   */
  public void forget() {
    latest.set(null);
  }

  /** Drops every snapshot held, the latest and the older ones (the table is being closed). */
  public void clear() {
    forget();
    older.invalidateAll();
  }

  /**
   * Like {@link #forget()}, and stops using checkpoints that list these manifests, found gone.
   */
  public void forget(Collection<String> missingManifests) {
    unusableManifests.addAll(missingManifests);
    forget();
  }

  /** The latest snapshot loaded so far, or null before the first load. No I/O. */
  public TableState cached() {
    return latest.get();
  }

  /**
   * Reads the commits added since the last load and returns the newest snapshot.
   *
   * @throws TableNotFoundException when the table has no commit
   * @throws CorruptLogException when a commit up to the newest is damaged or missing
   * @throws io.tidemark.spec.error.UnsupportedFeatureException when this library cannot read the
   *     newest version's protocol
   */
  public TableState refresh() {
    return checked(loadLatest());
  }

  /** The newest snapshot, whatever its protocol (a reader of an older version checks that one's). */
  private TableState loadLatest() {
    TableState base = latest.get();
    if (base == null) {
      Optional<Checkpoint> cp = checkpoints.newestAtOrBefore(Long.MAX_VALUE, this::usable);
      long newest = log.latestVersion(cp.map(Checkpoint::version).orElse(-1L));
      if (newest < 0) {
        throw new TableNotFoundException(tableLocation);
      }
      TableState state = replay(cp.orElse(null), newest);
      offer(state);
      return state;
    }
    long newest = log.refreshLatest(base.version());
    long now = nanoClock.getAsLong();
    if (newest == base.version()) {
      // a commit missing within minutes of a moment the view was known current cannot have been
      // expired (retention keeps commits an hour or more), so its absence proves the view current
      if (now - lastNewsNanos < RECHECK_AFTER_NANOS || stillNewest(base)) {
        lastNewsNanos = now;
        return base;
      }
      // the newest commit known here was expired by log retention: newer commits and
      // checkpoints exist, so load again from the newest checkpoint
      LOG.info("version {} of {} is no longer in the log (expired by log retention); loading the table again",
          base.version(), tableLocation);
      forget();
      return loadLatest();
    }
    lastNewsNanos = now;
    TableState state = newerCheckpoint(base, newest)
        .map(cp -> replay(cp, newest))
        .orElseGet(() -> replayFrom(new SnapshotBuilder(base), base.version(), newest));
    offer(state);
    return state;
  }

  /**
   * A checkpoint newer than the state's base, when the commits since the base have grown past a
   * checkpoint interval: a process whose commits never land on a checkpoint version (other
   * processes write them) would otherwise replay from the checkpoint it opened with forever,
   * holding every file added since in memory and copying them on each refresh. Reads
   * {@code _last_checkpoint} once per interval of growth.
   */
  private Optional<Checkpoint> newerCheckpoint(TableState state, long newest) {
    long interval = CheckpointSettings.fromProperties(state.metadata().properties()).interval();
    long baseVersion = state.base() == null ? -1 : state.base().version();
    if (interval <= 0 || newest - baseVersion <= interval || newest < nextHintCheck) {
      return Optional.empty();
    }
    nextHintCheck = newest + interval;
    Optional<Long> hinted = checkpoints.hintedVersion();
    if (hinted.isEmpty() || hinted.get() <= baseVersion || hinted.get() > newest) {
      return Optional.empty();
    }
    return checkpoints.read(hinted.get()).filter(this::usable);
  }

  /** Whether a checkpoint lists no manifest known to be missing or damaged. */
  private boolean usable(Checkpoint checkpoint) {
    return unusableManifests.isEmpty() || checkpoint.manifests().stream().noneMatch(
        m -> unusableManifests.contains(m.path()));
  }

  private static boolean lists(Checkpoint checkpoint, String manifest) {
    return checkpoint.manifests().stream().anyMatch(m -> m.path().equals(manifest));
  }

  /**
   * Whether a state with no commit after it is really the newest: its commit is still stored
   * (version 0 always is) and no checkpoint is hinted beyond it.
   */
  private boolean stillNewest(TableState state) {
    long v = state.version();
    return (v == 0 || log.isStored(v)) && checkpoints.hintedVersion().map(h -> h <= v).orElse(true);
  }

  /** Records a snapshot known to be the newest (a commit just made it); older offers are ignored. */
  public void offer(TableState state) {
    lastNewsNanos = nanoClock.getAsLong();
    latest.accumulateAndGet(state, (cur, next) -> cur == null || next.version() > cur.version() ? next : cur);
  }

  /**
   * The snapshot at a version. It needs the commits up to that version only: a damaged or
   * unsupported later version does not stop it (spec 10.1, 11.5).
   *
   * @throws InvalidArgumentException when the version does not exist, or log retention expired it
   * @throws CorruptLogException when a commit it needs is damaged or lost
   * @throws io.tidemark.spec.error.UnsupportedFeatureException when this library cannot read
   *     that version's protocol
   */
  public TableState at(long version) {
    if (version < 0) {
      throw new InvalidArgumentException("version " + version + " does not exist; versions start at 0");
    }
    TableState newest;
    try {
      newest = loadLatest();
    } catch (CorruptLogException e) {
      if (damagedCommit(e) <= version) {
        throw e;
      }
      TableState held = latest.get();
      return checked(held != null && held.version() == version ? held : older(version));
    }
    if (version > newest.version()) {
      throw new InvalidArgumentException("version " + version + " does not exist; the table has versions 0.."
          + newest.version());
    }
    return checked(version == newest.version() ? newest : older(version));
  }

  /**
   * The version of the commit a corrupt-log error names, or -1 when it names none. The commits
   * below it are intact as far as the load got.
   */
  private static long damagedCommit(CorruptLogException e) {
    if (e instanceof MissingCommitException missing) {
      return missing.version();
    }
    String file = e.file();
    return LogFiles.parseCommitVersion(file.substring(file.lastIndexOf('/') + 1));
  }

  private TableState older(long version) {
    return older.get(version, this::loadAt);
  }

  /** A version below the newest, from the newest usable checkpoint at or before it. */
  private TableState loadAt(long version) {
    try {
      return replay(checkpoints.newestAtOrBefore(version, this::usable).orElse(null), version);
    } catch (MissingCommitException e) {
      throw gaps().error("version " + version, e.version());
    }
  }

  /**
   * The snapshot current at an instant: the newest version whose in-commit timestamp is not
   * after it.
   *
   * @throws InvalidArgumentException when the instant is before the table was created, or the
   *     version current then was expired by log retention
   */
  public TableState asOf(Instant instant) {
    return at(versionAsOf(instant));
  }

  /**
   * The newest version whose in-commit timestamp is at or before the instant. Like {@link #at},
   * it needs no commit after that version.
   *
   * @throws InvalidArgumentException when the instant is before the table was created, or the
   *     version current then was expired by log retention (no kept commit says which it was)
   * @throws CorruptLogException when the answer depends on a damaged or lost commit
   */
  public long versionAsOf(Instant instant) {
    long millis = instant.toEpochMilli();
    long first = log.read(0).info().timestamp();
    if (millis < first) {
      throw new InvalidArgumentException("timestamp " + instant + " is before the table's first commit at "
          + Instant.ofEpochMilli(first));
    }
    long hi;
    try {
      TableState newest = loadLatest();
      if (millis >= newest.timestampMillis()) {
        return newest.version();
      }
      hi = newest.version();
    } catch (CorruptLogException e) {
      long damaged = damagedCommit(e);
      if (damaged <= 0) {
        throw e;
      }
      // the damaged commit's timestamp is above the one before it: it decides only later instants
      long before = log.read(damaged - 1).info().timestamp();
      if (before == millis) {
        return damaged - 1;
      }
      if (before < millis) {
        throw e;
      }
      hi = damaged - 1;
    }
    long lo = 0;
    // invariant: timestamp(lo) <= millis < timestamp(hi), taking a commit expired by log retention
    // as older than every kept one; in-commit timestamps strictly increase
    boolean loStored = true;
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      Optional<Commit> commit = log.readIfExists(mid);
      if (commit.isEmpty() || commit.get().info().timestamp() <= millis) {
        lo = mid;
        loStored = commit.isPresent();
      } else {
        hi = mid;
      }
    }
    if (!loStored) {
      // the answer is lo or a version before it whose commit is gone too, unless the instant is
      // exactly that of the stored commit before them: later timestamps are higher
      LogGaps gaps = gaps();
      long stored = gaps.previousStored(lo);
      if (stored >= 0 && log.read(stored).info().timestamp() == millis) {
        return stored;
      }
      throw gaps.error("the version current at " + instant, lo);
    }
    return lo;
  }

  /**
   * The commits of versions 0 to the newest, oldest first, leaving out those that log retention
   * expired (spec 14).
   *
   * @throws MissingCommitException naming a missing commit that log retention did not expire
   */
  public List<Commit> history() {
    long newest = refresh().version();
    List<Commit> commits = new ArrayList<>();
    LogGaps gaps = null;
    for (long v = 0; v <= newest; v++) {
      Optional<Commit> commit = log.readIfExists(v);
      if (commit.isPresent()) {
        commits.add(commit.get());
        continue;
      }
      if (gaps == null) {
        gaps = gaps();
      }
      if (!gaps.expired(v)) {
        throw gaps.error("the history", v);
      }
      long next = gaps.nextStored(v);
      v = next < 0 ? newest : next - 1; // every commit between was expired too
    }
    return commits;
  }

  /** What is missing from the log, for errors; lists the log. */
  private LogGaps gaps() {
    return new LogGaps(log.list(), logRetentionEnabled(), tableLocation);
  }

  /** Whether the newest metadata known turns log retention on. */
  private boolean logRetentionEnabled() {
    TableState held = latest.get();
    Metadata metadata = held != null ? held.metadata()
        : checkpoints.newestAtOrBefore(Long.MAX_VALUE).map(Checkpoint::metadata).orElse(null);
    return metadata != null && Boolean.parseBoolean(metadata.property(Vacuum.LOG_RETENTION_ENABLED, "false").trim());
  }

  /**
   * The fallback of states loaded from a checkpoint: when one of its manifests cannot be read,
   * the same version from the newest older checkpoint that does not list that manifest, or from
   * the log. Checkpoints listing a missing or damaged manifest are not used again by this loader;
   * one that storage failed to read is avoided for this read only (the failure may pass), and
   * when no other source exists that storage error is what the read reports.
   */
  private TableState withoutCheckpoint(TableState state, UnreadableManifestException unreadable) {
    Checkpoint damaged = state.base();
    if (!unreadable.storageFailure()) {
      unusableManifests.add(unreadable.manifest());
    }
    LOG.warn("checkpoint {} of {} cannot be used ({}); loading version {} from an older checkpoint or the log",
        damaged.version(), tableLocation, unreadable.getMessage(), state.version());
    older.invalidateAll(); // snapshots held there may stand on the same checkpoint
    TableState replacement;
    try {
      Optional<Checkpoint> cp = checkpoints.newestAtOrBefore(Math.min(state.version(), damaged.version() - 1),
          candidate -> usable(candidate) && !lists(candidate, unreadable.manifest()));
      replacement = replay(cp.orElse(null), state.version());
    } catch (CorruptLogException e) {
      if (unreadable.storageFailure() && unreadable.getCause() instanceof RuntimeException storageError) {
        storageError.addSuppressed(e);
        throw storageError;
      }
      String why = e instanceof MissingCommitException missing
          ? gaps().error("version " + state.version(), missing.version()).getMessage() : e.getMessage();
      throw new CorruptLogException(unreadable.manifest(), 0, unreadable.problem() + ", so checkpoint "
          + damaged.version() + " cannot be used, and version " + state.version() + " has no other complete source: "
          + why, unreadable);
    }
    latest.updateAndGet(cur -> cur == state ? replacement
        : cur != null && cur.base() != null && cur.base().version() == damaged.version() ? null : cur);
    return replacement;
  }

  private TableState checked(TableState state) {
    ProtocolSupport.checkReadable(state.protocol(), tableLocation);
    return state;
  }

  private TableState replay(Checkpoint checkpoint, long version) {
    if (checkpoint == null) {
      return replayFrom(new SnapshotBuilder(manifests), -1, version);
    }
    return replayFrom(new SnapshotBuilder(manifests, checkpoint, this::withoutCheckpoint), checkpoint.version(),
        version);
  }

  private TableState replayFrom(SnapshotBuilder builder, long from, long to) {
    for (long v = from + 1; v <= to; v++) {
      builder.apply(log.read(v));
    }
    return builder.build();
  }
}

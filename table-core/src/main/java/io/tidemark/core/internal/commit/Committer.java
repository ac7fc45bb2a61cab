package io.tidemark.core.internal.commit;

import io.tidemark.core.internal.io.Forcing;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.SnapshotBuilder;
import io.tidemark.core.internal.snapshot.SnapshotLoader;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.StagedFile;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.CommitStateUnknownException;
import io.tidemark.spec.error.DuplicateTransactionException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TableAlreadyExistsException;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.json.CommitCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes commits under optimistic concurrency: tries to create {@code _log/<v>.json}; on losing
 * the race reads the winning commits, checks them for conflicts and retries at the next version
 * without rewriting data (and, while its timestamp still follows the winners', without rewriting
 * the commit file either); settles an ambiguous write by reading the commit back. Thread-safe.
 */
public final class Committer {
  /** Written into every commit info. */
  public static final String ENGINE_INFO = "tidemark/0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);

  private final TransactionLog log;
  private final SnapshotLoader loader;
  private final String tableLocation;

  /** A committer for one table. */
  public Committer(TransactionLog log, SnapshotLoader loader, String tableLocation) {
    this.log = log;
    this.loader = loader;
    this.tableLocation = tableLocation;
  }

  private enum Outcome { WON, LOST, ABSENT }

  /**
   * Creates the table: commits version 0, which must carry protocol and metadata.
   *
   * @throws TableAlreadyExistsException when version 0 exists
   */
  public CommitOutcome create(PendingCommit pending) {
    String txnId = UUID.randomUUID().toString();
    long timestamp = System.currentTimeMillis();
    List<Action> body = pending.actions(timestamp);
    CommitInfo info = new CommitInfo(timestamp, pending.operation(), pending.parameters(), null,
        PendingCommit.SERIALIZABLE, false, txnId, pending.metrics(), ENGINE_INFO, body.size());
    byte[] bytes = encode(info, body);
    Outcome outcome;
    try {
      outcome = log.tryCreate(0, bytes) ? Outcome.WON : Outcome.LOST;
    } catch (IOException e) {
      outcome = settle(0, txnId, e);
      if (outcome == Outcome.ABSENT) {
        throw new TidemarkException("could not create table at " + tableLocation + ": " + e.getMessage(), e);
      }
    }
    if (outcome == Outcome.LOST) {
      throw new TableAlreadyExistsException(tableLocation);
    }
    TableState state = loader.emptyBuilder().apply(commit(0, info, body, bytes)).build();
    loader.offer(state);
    return new CommitOutcome(0, info.timestamp(), 1, state);
  }

  /**
   * Commits on top of the snapshot the writer read, rebasing over concurrent commits that do not
   * conflict.
   *
   * @throws CommitConflictException when a concurrent commit conflicts, or retries ran out; nothing
   *     was committed
   * @throws DuplicateTransactionException when the application transaction is already committed
   * @throws CommitStateUnknownException when the outcome cannot be settled
   */
  public CommitOutcome commit(TableState read, PendingCommit pending) {
    return commit(read, pending, List.of());
  }

  /**
   * Commits like {@link #commit(TableState, PendingCommit)} data files that are not yet durable:
   * forces them while the commit file is written, and publishes the commit only once both are
   * on disk.
   *
   * @param unforced files written with {@link OutputFile#createUnforced}, closed
   * @throws StorageException when the files cannot be forced; nothing was committed
   */
  public CommitOutcome commit(TableState read, PendingCommit pending, List<? extends OutputFile> unforced) {
    ProtocolSupport.checkWritable(read.protocol(), tableLocation);
    if (pending.txn() != null) {
      OptionalLong committed = read.applicationVersion(pending.txn().appId());
      if (committed.isPresent() && committed.getAsLong() >= pending.txn().version()) {
        throw new DuplicateTransactionException(pending.txn().appId(), pending.txn().version(), committed.getAsLong());
      }
    }
    RetryPolicy policy = RetryPolicy.fromProperties(read.metadata().properties());
    String txnId = UUID.randomUUID().toString();
    List<Action> body = null;
    TableState base = read;
    long version = read.version() + 1;
    boolean ambiguousHere = false;
    boolean lostLast = false;
    CommitInfo info = null;
    byte[] bytes = null;
    StagedFile staged = null;
    Future<Void> forcing = Forcing.start(unforced);
    try {
      base = catchUp(pending, read);
      version = base.version() + 1;
      for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
        if (attempt > 1 && !lostLast) {
          policy.backoff(attempt); // retrying the same version after an unsettled write
        }
        lostLast = false;
        if (info == null || info.timestamp() <= base.timestampMillis()) {
          // timestamps must increase with the version (spec 10.3): content staged before a
          // winner with a later timestamp is replaced; otherwise a retry reuses it unwritten.
          // Removes and the txn carry the commit's timestamp, so they are stamped again with it.
          long timestamp = CommitInfo.nextTimestamp(System.currentTimeMillis(), base.timestampMillis());
          body = pending.actions(timestamp);
          info = info(pending, timestamp, read.version(), txnId, body.size());
          bytes = encode(info, body);
          StagedFile previous = staged;
          staged = null; // when restaging fails it has discarded the previous one already
          staged = previous == null ? log.stage(bytes) : log.restage(previous, bytes);
        }
        if (attempt == 1) {
          awaitDurable(forcing, unforced.size());
        }
        Outcome outcome;
        try {
          outcome = log.tryPublish(staged, version) ? Outcome.WON : Outcome.LOST;
          if (outcome == Outcome.LOST && ambiguousHere) {
            // an earlier attempt at this version may have landed late: it would be ours
            outcome = settle(version, txnId, null);
          }
        } catch (IOException e) {
          LOG.warn("writing {} failed ({}); reading it back to settle the outcome",
              LogFiles.commitPath(version), e.toString());
          outcome = settle(version, txnId, e);
          ambiguousHere = true;
        }
        if (outcome == Outcome.WON) {
          // after an ambiguous write the file may hold an earlier attempt's bytes: use what is there
          Commit mine = ambiguousHere ? log.read(version) : commit(version, info, body, bytes);
          TableState next = new SnapshotBuilder(base).applyOwn(mine).build();
          loader.offer(next);
          LOG.debug("committed version {} of {} after {} attempt(s)", version, tableLocation, attempt);
          return new CommitOutcome(version, mine.info().timestamp(), attempt, next);
        }
        if (outcome == Outcome.LOST) {
          // wait before reading the winners, not after: a writer that slept after refreshing would
          // aim at a version that is stale again by the time it writes
          policy.backoff(attempt + 1);
          lostLast = true;
          base = rebase(pending, base, version);
          version = base.version() + 1;
          ambiguousHere = false;
        }
      }
    } finally {
      if (staged != null) {
        log.discard(staged);
      }
    }
    throw new CommitConflictException(version, "gave up after " + policy.maxAttempts()
        + " attempts (table property " + RetryPolicy.MAX_ATTEMPTS + ")");
  }

  /**
   * The newest snapshot, checked like after a lost race, before the first attempt: other writers
   * may have committed while this one wrote its files, and aiming at a version already taken
   * would cost an attempt, a backoff and, when a winner's timestamp is later, staging again.
   * When the log cannot be read now, the first attempt goes ahead from the snapshot read.
   *
   * @throws CommitConflictException when a newer commit conflicts
   */
  private TableState catchUp(PendingCommit pending, TableState read) {
    try {
      return rebase(pending, read, read.version() + 1);
    } catch (StorageException e) {
      LOG.debug("could not look for newer commits of {} before committing ({}); trying version {}",
          tableLocation, e.toString(), read.version() + 1);
      return read;
    }
  }

  /**
   * The newest snapshot, after checking every commit from the version lost onwards for conflicts.
   *
   * @throws CommitConflictException when one conflicts
   */
  private TableState rebase(PendingCommit pending, TableState base, long lostVersion) {
    TableState latest = loader.refresh();
    Metadata before = base.metadata();
    for (long v = lostVersion; v <= latest.version(); v++) {
      Commit winner = log.read(v);
      ConflictChecker.check(pending, winner, before);
      if (winner.metadata() != null) {
        before = winner.metadata();
      }
    }
    return latest;
  }

  private void awaitDurable(Future<Void> forcing, int files) {
    try {
      Forcing.await(forcing);
    } catch (IOException e) {
      throw new StorageException("cannot force the " + files + " data file(s) of a commit to " + tableLocation
          + " to disk; nothing was committed: " + e.getMessage(), e);
    }
  }

  /** Reads back a commit file whose write may or may not have happened. */
  private Outcome settle(long version, String txnId, IOException writeError) {
    Optional<Commit> existing;
    try {
      existing = log.readIfExists(version);
    } catch (TidemarkException e) {
      CommitStateUnknownException unknown = new CommitStateUnknownException("cannot tell whether "
          + LogFiles.commitPath(version) + " of " + tableLocation + " was committed: writing failed ("
          + (writeError == null ? "file existed" : writeError.getMessage()) + ") and reading it back failed ("
          + e.getMessage() + ")", e);
      if (writeError != null) {
        unknown.addSuppressed(writeError);
      }
      throw unknown;
    }
    if (existing.isEmpty()) {
      return Outcome.ABSENT;
    }
    return existing.get().info().txnId().equals(txnId) ? Outcome.WON : Outcome.LOST;
  }

  private static CommitInfo info(PendingCommit pending, long timestamp, Long readVersion, String txnId, int count) {
    return new CommitInfo(timestamp, pending.operation(), pending.parameters(), readVersion,
        pending.isolationLevel(), pending.blindAppend(), txnId, pending.metrics(), ENGINE_INFO, count);
  }

  private static byte[] encode(CommitInfo info, List<Action> body) {
    List<Action> all = new ArrayList<>(body.size() + 1);
    all.add(info);
    all.addAll(body);
    return CommitCodec.encode(all);
  }

  private static Commit commit(long version, CommitInfo info, List<Action> body, byte[] bytes) {
    List<Action> all = new ArrayList<>(body.size() + 1);
    all.add(info);
    all.addAll(body);
    return new Commit(version, info, all, bytes.length);
  }
}

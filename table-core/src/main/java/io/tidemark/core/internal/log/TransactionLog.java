package io.tidemark.core.internal.log;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.core.io.StagedFile;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.MissingCommitException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.json.CommitCodec;
import java.io.IOException;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit files of one table: listing, reading (through a cache of parsed commits, which
 * never change once written) and the exclusive create that makes a commit. Thread-safe.
 */
public final class TransactionLog {
  /** Commits read one by one when refreshing before the log is listed instead. */
  static final int REFRESH_PROBES = 16;
  private static final Logger LOG = LoggerFactory.getLogger(TransactionLog.class);

  private final FileIO io;
  private final String tableLocation;
  private final Cache<Long, Commit> commits;

  /**
   * @param io the table's storage
   * @param tableLocation the table root, without trailing slash
   * @param cacheWeightBytes the most bytes of commit files to keep parsed in memory
   */
  public TransactionLog(FileIO io, String tableLocation, long cacheWeightBytes) {
    this.io = io;
    this.tableLocation = tableLocation;
    this.commits = Caffeine.newBuilder()
        .maximumWeight(cacheWeightBytes)
        .weigher((Long v, Commit c) -> (int) Math.min(Integer.MAX_VALUE, c.sizeBytes() * 4 + 256))
        .build();
  }

  /** Drops every parsed commit kept in memory (the table is being closed). */
  public void clearCache() {
    commits.invalidateAll();
  }

  /** The full location of a commit file. */
  public String commitLocation(long version) {
    return TableLocations.locationOf(tableLocation, LogFiles.commitPath(version));
  }

  /**
   * The newest version in the log, listing only files after {@code knownVersion}.
   *
   * @param knownVersion a version known to exist, or -1
   * @return the newest version, or -1 when the log has no commit at all
   * @throws MissingCommitException when a version between the known one and the newest is missing
   */
  public long latestVersion(long knownVersion) {
    String prefix = TableLocations.logPrefix(tableLocation);
    String startAfter = knownVersion >= 0 ? commitLocation(knownVersion) : null;
    List<FileEntry> entries;
    try {
      entries = io.list(prefix, startAfter);
    } catch (IOException e) {
      throw StorageErrors.failed("cannot list", prefix, e);
    }
    long expected = knownVersion + 1;
    long latest = knownVersion;
    for (FileEntry entry : entries) {
      if (!isDirectlyIn(prefix, entry)) {
        continue;
      }
      long v = LogFiles.parseCommitVersion(entry.name());
      if (v < 0) {
        continue;
      }
      if (v != expected) {
        throw new MissingCommitException(LogFiles.commitPath(expected), expected,
            "commit file is missing (the log has version " + v + " after version " + (expected - 1) + ")");
      }
      latest = v;
      expected++;
    }
    return latest;
  }

  private static boolean isDirectlyIn(String prefix, FileEntry entry) {
    return entry.location().startsWith(prefix) && entry.location().indexOf('/', prefix.length()) < 0;
  }

  /**
   * The newest version, knowing that {@code knownVersion} exists: reads the commits after it one
   * by one (they are needed anyway, and are cached), and lists the log only when more than a few
   * follow. An up-to-date reader thus pays one read, and a writer a few versions behind no
   * listing of the log.
   */
  public long refreshLatest(long knownVersion) {
    long newest = knownVersion;
    for (int i = 0; i < REFRESH_PROBES; i++) {
      if (readIfExists(newest + 1).isEmpty()) {
        return newest; // commits are created in version order: nothing can follow a missing one
      }
      newest++;
    }
    return latestVersion(newest);
  }

  /**
   * Whether the commit file of a version is still in storage, asked of the storage and not of the
   * cache: log retention deletes old commits.
   *
   * @throws StorageException when storage cannot tell
   */
  public boolean isStored(long version) {
    try {
      return io.readIfExists(commitLocation(version)).isPresent();
    } catch (IOException e) {
      throw StorageErrors.failed("cannot read", commitLocation(version), e);
    }
  }

  /**
   * The commit at a version.
   *
   * @throws MissingCommitException when the file is missing
   * @throws CorruptLogException when it is damaged
   */
  public Commit read(long version) {
    Commit cached = commits.getIfPresent(version);
    if (cached != null) {
      return cached;
    }
    Optional<Commit> commit = readIfExists(version);
    if (commit.isEmpty()) {
      throw new MissingCommitException(LogFiles.commitPath(version), version, "commit file is missing");
    }
    return commit.get();
  }

  /**
   * Lists every commit and checkpoint file in {@code _log/}: a whole listing of the log, for
   * explaining what is missing, never on the way of a normal load.
   *
   * @throws StorageException when the log cannot be listed
   */
  public LogListing list() {
    String prefix = TableLocations.logPrefix(tableLocation);
    NavigableSet<Long> commitVersions = new TreeSet<>();
    NavigableSet<Long> checkpointVersions = new TreeSet<>();
    try {
      for (FileEntry entry : io.list(prefix, null)) {
        if (!isDirectlyIn(prefix, entry)) {
          continue;
        }
        long commit = LogFiles.parseCommitVersion(entry.name());
        if (commit >= 0) {
          commitVersions.add(commit);
        }
        long checkpoint = LogFiles.parseCheckpointVersion(entry.name());
        if (checkpoint >= 0) {
          checkpointVersions.add(checkpoint);
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot list " + prefix + ": " + e.getMessage(), e);
    }
    return new LogListing(commitVersions, checkpointVersions);
  }

  /**
   * The commit at a version, or empty when its file does not exist.
   *
   * @throws CorruptLogException when the file exists but is damaged
   * @throws StorageException when it cannot be read
   */
  public Optional<Commit> readIfExists(long version) {
    Commit cached = commits.getIfPresent(version);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> bytes;
    try {
      bytes = io.readIfExists(commitLocation(version));
    } catch (IOException e) {
      throw StorageErrors.failed("cannot read", commitLocation(version), e);
    }
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    List<Action> actions = CommitCodec.decode(LogFiles.commitPath(version), bytes.get());
    Commit commit = new Commit(version, (CommitInfo) actions.get(0), actions, bytes.get().length);
    commits.put(version, commit);
    return Optional.of(commit);
  }

  /**
   * Tries to make a commit: creates the commit file only if absent.
   *
   * @return true when this call created it, false when that version already exists
   * @throws IOException when the outcome is unknown
   */
  public boolean tryCreate(long version, byte[] content) throws IOException {
    return io.createExclusive(commitLocation(version), content);
  }

  /**
   * Makes a commit's content ready to be tried at one version after another ({@link
   * #tryPublish}) without writing it again.
   *
   * @throws StorageException when it cannot be staged (nothing was committed)
   */
  public StagedFile stage(byte[] content) {
    try {
      return FileIOs.stage(io, commitLocation(0), content);
    } catch (IOException e) {
      throw new StorageException("cannot write a commit into " + TableLocations.logPrefix(tableLocation)
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes new content ready in place of staged content that was not published: replaced in place
   * where the storage can, else the old one is discarded and the content staged afresh.
   *
   * @throws StorageException when it cannot be staged (nothing was committed)
   */
  public StagedFile restage(StagedFile staged, byte[] content) {
    try {
      if (staged.replace(content)) {
        return staged;
      }
    } catch (IOException e) {
      LOG.debug("could not replace a staged commit of {} in place ({}); staging it afresh", tableLocation,
          e.toString());
    }
    discard(staged);
    return stage(content);
  }

  /** Discards staged content that was not published; a failure is only logged (it is a hidden file). */
  public void discard(StagedFile staged) {
    try {
      staged.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not remove a staged commit file of {}: {}", tableLocation, e.toString());
    }
  }

  /**
   * Tries to make a commit from staged content: creates the commit file only if absent.
   *
   * @return true when this call created it, false when that version already exists
   * @throws IOException when the outcome is unknown
   */
  public boolean tryPublish(StagedFile staged, long version) throws IOException {
    return staged.publish(commitLocation(version));
  }
}

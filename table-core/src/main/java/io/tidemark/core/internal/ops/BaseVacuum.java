package io.tidemark.core.internal.ops;

import io.tidemark.core.Vacuum;
import io.tidemark.core.VacuumReport;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.io.FileEntry;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the files outside the retention window and deletes them (see {@link Vacuum}). */
final class BaseVacuum implements Vacuum {
  private static final Logger LOG = LoggerFactory.getLogger(BaseVacuum.class);
  private static final int MAX_NAMED_FAILURES = 10;

  private final TableContext table;
  private final Clock clock;
  private Duration retention = DEFAULT_RETENTION;
  private boolean dryRun;
  private boolean force;

  BaseVacuum(TableContext table) {
    this(table, Clock.systemUTC());
  }

  BaseVacuum(TableContext table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Vacuum retain(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new InvalidArgumentException("vacuum retention must not be negative, was " + retention);
    }
    this.retention = retention;
    return this;
  }

  @Override
  public Vacuum dryRun(boolean dryRun) {
    this.dryRun = dryRun;
    return this;
  }

  @Override
  public Vacuum force(boolean force) {
    this.force = force;
    return this;
  }

  @Override
  public VacuumReport execute() {
    if (retention.compareTo(DEFAULT_RETENTION) < 0 && !force) {
      throw new InvalidArgumentException("vacuum retention " + retention + " is shorter than the default "
          + DEFAULT_RETENTION + ": time travel to versions older than it will break, and a writer still writing "
          + "files older than it would lose them; use force(true) to vacuum anyway");
    }
    long cutoff = clock.millis() - retention.toMillis();
    TableState latest = table.latestState();
    RetentionWindow window = new RetentionWindow(table, latest, cutoff);
    Set<String> referenced = window.referencedFiles();
    List<FileEntry> data = unreferencedData(referenced, cutoff);
    boolean expireLog = Boolean.parseBoolean(latest.metadata().property(LOG_RETENTION_ENABLED, "false").trim());
    LogRetention log = new LogRetention(table, window.oldestRetained(), expireLog);
    List<String> logFiles = log.expiredLogFiles();
    List<String> manifests = log.unreferencedManifests(cutoff);
    String root = table.location() + "/";
    List<String> dataPaths = data.stream().map(e -> e.location().substring(root.length())).toList();
    long bytes = data.stream().mapToLong(FileEntry::size).sum();
    List<String> doomed = new ArrayList<>();
    for (List<String> paths : List.of(dataPaths, logFiles, manifests)) {
      for (String p : paths) {
        // every file is checked before any is deleted: one that resolves outside the table stops the vacuum
        doomed.add(table.locations().resolveInside(p));
      }
    }
    if (!dryRun) {
      deleteAll(doomed);
    }
    LOG.info("vacuum{} of {} (retention {}, oldest retained version {}): {} data files ({} bytes), {} manifests, "
        + "{} log files", dryRun ? " dry run" : "", table.location(), retention, window.oldestRetained(),
        dataPaths.size(), bytes, manifests.size(), logFiles.size());
    return new VacuumReport(dryRun, retention, window.oldestRetained(), dataPaths, bytes, manifests, logFiles);
  }

  /** Files under data/ that no retained version references, modified before the cutoff. */
  private List<FileEntry> unreferencedData(Set<String> referenced, long cutoff) {
    String root = table.location() + "/";
    String prefix = TableLocations.dataPrefix(table.location());
    // a data/ that is a link out of the table is not listed at all (the listing follows no link below it)
    table.locations().checkInside(TableLocations.locationOf(table.location(), TableLocations.DATA_DIR));
    List<FileEntry> out = new ArrayList<>();
    try {
      for (FileEntry e : table.io().list(prefix, null)) {
        if (!e.location().startsWith(prefix) || isHidden(e.location().substring(prefix.length()))) {
          continue;
        }
        if (!referenced.contains(e.location().substring(root.length())) && e.lastModifiedMillis() < cutoff) {
          out.add(e);
        }
      }
    } catch (IOException e) {
      throw StorageErrors.failed("cannot list", prefix, e);
    }
    return out;
  }

  /**
   * Files named with a leading '.' or '_', and directories with a leading '.', belong to the file
   * system (checksums, temporary files, markers), not the table; partition directories never start
   * with '.' (spec.md 8.5).
   */
  private static boolean isHidden(String relative) {
    String[] segments = relative.split("/");
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].startsWith(".") || (i == segments.length - 1 && segments[i].startsWith("_"))) {
        return true;
      }
    }
    return false;
  }

  /** Deletes in bulk where the storage can; files it could not delete are named in the error. */
  private void deleteAll(List<String> locations) {
    Map<String, String> failed;
    try {
      failed = table.locations().deleteAll(locations);
    } catch (IOException e) {
      throw new StorageException("vacuum cannot delete the " + locations.size() + " files it found: "
          + e.getMessage(), e);
    }
    if (!failed.isEmpty()) {
      StringBuilder named = new StringBuilder();
      failed.entrySet().stream().limit(MAX_NAMED_FAILURES).forEach(f ->
          named.append(named.length() == 0 ? "" : "; ").append(f.getKey()).append(": ").append(f.getValue()));
      throw new StorageException("vacuum could not delete " + failed.size() + " of " + locations.size()
          + " files (the others are deleted): " + named + (failed.size() > MAX_NAMED_FAILURES ? "; ..." : ""), null);
    }
  }
}

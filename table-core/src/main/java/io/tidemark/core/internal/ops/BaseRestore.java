package io.tidemark.core.internal.ops;

import io.tidemark.core.Restore;
import io.tidemark.core.RestoreResult;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.ReadSet;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.MissingDataFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Restores the files of an earlier version in one {@code RESTORE} commit. */
final class BaseRestore implements Restore {
  private static final int NAMED_FILES = 10;

  private final TableContext table;
  private final TableState read;
  private Long version;
  private Instant timestamp;

  BaseRestore(TableContext table) {
    this.table = table;
    this.read = table.latestState();
    ProtocolSupport.checkWritable(read.protocol(), table.location());
  }

  @Override
  public Restore toVersion(long version) {
    this.version = version;
    this.timestamp = null;
    return this;
  }

  @Override
  public Restore toTimestamp(Instant timestamp) {
    this.timestamp = timestamp;
    this.version = null;
    return this;
  }

  @Override
  public RestoreResult commit() {
    if (version == null && timestamp == null) {
      throw new InvalidArgumentException("a restore needs a target: toVersion(n) or toTimestamp(instant)");
    }
    if (version != null && version > read.version()) {
      throw new InvalidArgumentException("version " + version + " does not exist; the table has versions 0.."
          + read.version());
    }
    TableState target = version != null ? table.stateAt(version) : table.stateAsOf(timestamp);
    Map<String, AddFile> current = new HashMap<>();
    for (AddFile f : read.dataFiles()) {
      current.put(f.path(), f);
    }
    List<AddFile> restored = new ArrayList<>();
    for (AddFile f : target.dataFiles()) {
      AddFile live = current.get(f.path());
      if (live != null && Objects.equals(live.deletionVector(), f.deletionVector())) {
        current.remove(f.path());
      } else {
        // not live, or live with other deleted rows: removed (below) and added back with the target's vector
        restored.add(DataFiles.withDataChange(f, true));
      }
    }
    checkPresent(target, restored);
    List<RemoveFile> removes = new ArrayList<>();
    for (AddFile f : read.dataFiles()) {
      if (current.containsKey(f.path())) {
        removes.add(DataFiles.remove(f, true));
      }
    }
    long restoredBytes = restored.stream().mapToLong(AddFile::size).sum();
    long removedBytes = removes.stream().mapToLong(r -> r.size() == null ? 0 : r.size()).sum();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("version", Long.toString(target.version()));
    if (timestamp != null) {
      parameters.put("timestamp", timestamp.toString());
    }
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("numRestoredFiles", (long) restored.size());
    metrics.put("numRemovedFiles", (long) removes.size());
    metrics.put("restoredFilesSize", restoredBytes);
    metrics.put("removedFilesSize", removedBytes);
    metrics.put("numOfFilesAfterRestore", (long) target.dataFiles().size());
    PendingCommit pending = PendingCommit.builder(OPERATION).parameters(parameters).metrics(metrics).removes(removes)
        .adds(restored).reads(ReadSet.wholeTable("the whole table (restore to version " + target.version() + ")"))
        .build();
    CommitOutcome outcome = Commits.commit(table, read, pending);
    return new RestoreResult(outcome.version(), Instant.ofEpochMilli(outcome.timestampMillis()), target.version(),
        restored.size(), removes.size(), restoredBytes, removedBytes);
  }

  private void checkPresent(TableState target, List<AddFile> restored) {
    List<String> needed = new ArrayList<>();
    for (AddFile f : restored) {
      needed.add(f.path());
      if (f.deletionVector() != null && !f.deletionVector().isInline()) {
        needed.add(f.deletionVector().path());
      }
    }
    List<String> missing = FileExistence.missing(table, needed);
    if (!missing.isEmpty()) {
      List<String> shown = missing.subList(0, Math.min(NAMED_FILES, missing.size()));
      throw new MissingDataFileException(missing, target.version(), "cannot restore version " + target.version()
          + " of " + table.location() + ": " + missing.size() + " of its data files " + (missing.size() == 1 ? "is" : "are")
          + " gone (vacuumed?): " + String.join(", ", shown)
          + (missing.size() > shown.size() ? " and " + (missing.size() - shown.size()) + " more" : ""), null);
    }
  }
}

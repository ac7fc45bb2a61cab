package io.tidemark.core;

import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.ops.FileExistence;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Commits data files described by {@link DataFile}s, checked first, as one blind append. */
final class BaseAppendFiles implements AppendFiles {
  private final BaseTable table;
  private final Map<String, DataFile> files = new LinkedHashMap<>();
  private Txn txn;
  private boolean committed;

  BaseAppendFiles(BaseTable table) {
    this.table = table;
  }

  @Override
  public AppendFiles appendFile(DataFile file) {
    checkOpen();
    Objects.requireNonNull(file, "file");
    if (files.putIfAbsent(file.path(), file) != null) {
      throw new InvalidArgumentException("data file " + file.path() + " is in this append twice");
    }
    return this;
  }

  @Override
  public AppendFiles importFile(String path) {
    checkOpen();
    return appendFile(ParquetFileImport.describe(table, table.latestState().metadata(), path));
  }

  @Override
  public AppendFiles applicationTransaction(String appId, long version) {
    checkOpen();
    this.txn = new Txn(appId, version, System.currentTimeMillis());
    return this;
  }

  @Override
  public CommitResult commit() {
    checkOpen();
    if (files.isEmpty()) {
      throw new InvalidArgumentException("an append of files needs at least one file");
    }
    TableState read = table.latestState();
    ProtocolSupport.checkWritable(read.protocol(), table.location());
    List<AddFile> adds = checkedAdds(table, read, files.values());
    long rows = adds.stream().mapToLong(AddFile::recordCount).sum();
    long bytes = adds.stream().mapToLong(AddFile::size).sum();
    Map<String, Long> metrics = Map.of("numFiles", (long) adds.size(), "numOutputRows", rows, "numOutputBytes", bytes);
    PendingCommit pending = PendingCommit.builder("WRITE").parameters(Map.of("mode", "Append", "files", "described"))
        .metrics(metrics).txn(txn).adds(adds).blindAppend().build();
    committed = true;
    // a failed commit leaves the files alone: they were written by someone else, who may retry
    CommitOutcome outcome = Commits.commit(table, read, pending);
    return new CommitResult(outcome.version(), outcome.snapshot().timestamp(), outcome.attempts(), adds.size(), rows);
  }

  /**
   * The add actions of files described elsewhere, after checking every one against the table as
   * {@code read} and against the storage.
   */
  static List<AddFile> checkedAdds(BaseTable table, TableState read, Collection<DataFile> files) {
    Metadata metadata = read.metadata();
    List<AddFile> adds = new ArrayList<>(files.size());
    Set<String> paths = new LinkedHashSet<>();
    for (DataFile file : files) {
      if (!paths.add(file.path())) {
        throw new InvalidArgumentException("data file " + file.path() + " is in this append twice");
      }
      table.locations().resolveInside(file.path());
      adds.add(file.toAddFile(metadata));
    }
    Map<String, Long> sizes = FileExistence.sizes(table, paths);
    for (DataFile file : files) {
      Long size = sizes.get(file.path());
      if (size == null) {
        throw new InvalidArgumentException("data file " + file.path() + " does not exist in " + table.location());
      }
      if (size != file.fileSizeBytes()) {
        throw new InvalidArgumentException("data file " + file.path() + " has " + size + " bytes, not the "
            + file.fileSizeBytes() + " its description says");
      }
    }
    for (String path : paths) {
      if (read.holds(path)) {
        throw new InvalidArgumentException("data file " + path + " is already in the table (version "
            + read.version() + "); a file is committed once");
      }
    }
    return adds;
  }

  private void checkOpen() {
    if (committed) {
      throw new InvalidArgumentException("this append has committed (or tried to) already; make a new one");
    }
  }
}

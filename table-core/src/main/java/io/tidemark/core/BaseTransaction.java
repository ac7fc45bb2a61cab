package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.Committer;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.ReadSet;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.evolve.Evolution;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.internal.ops.Operations;
import io.tidemark.core.internal.ops.Operations.RowChanges;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.SnapshotBuilder;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.internal.write.PartitionedWriter;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stages changes on a working state (the table as read, with the changes so far applied) and
 * commits them all as one {@code TRANSACTION}: the adds still live at the end, the removes of files
 * the table had, the final metadata, and what every change read.
 */
final class BaseTransaction implements Transaction {
  /** The operation name of a transaction's commit. */
  static final String OPERATION = "TRANSACTION";

  private final BaseTable table;
  private final TableState read;
  private TableState working;
  private Metadata metadata;
  private Protocol protocol;
  private final Map<String, AddFile> adds = new LinkedHashMap<>();
  private final Map<String, RemoveFile> removes = new LinkedHashMap<>();
  private final List<Runnable> cleanups = new ArrayList<>();
  private final List<String> operations = new ArrayList<>();
  private ReadSet reads;
  private Txn txn;
  private boolean onlyAppends = true;
  private long deletedRows;
  private boolean done;

  BaseTransaction(BaseTable table) {
    this.table = table;
    this.read = table.latestState();
    ProtocolSupport.checkWritable(read.protocol(), table.location());
    this.working = read;
  }

  @Override
  public Transaction delete(Expression filter) {
    checkOpen();
    Objects.requireNonNull(filter, "filter");
    RowChanges changes = run(() -> Operations.removeRows(table, working, filter));
    cleanups.add(changes.cleanup());
    if (!changes.removes().isEmpty()) {
      reads = ReadSet.union(reads, changes.reads());
      onlyAppends = false;
      deletedRows += changes.deletedRows();
      stage(changes.removes(), changes.adds(), null, null);
    }
    operations.add("DELETE WHERE " + filter);
    return this;
  }

  @Override
  public Transaction delete(String filter) {
    return delete(Expressions.parse(filter));
  }

  @Override
  public Transaction overwrite(Expression filter, Iterable<Record> rows) {
    checkOpen();
    Objects.requireNonNull(filter, "filter");
    RowEvaluator check = run(() -> new RowEvaluator(Binder.bind(working.metadata().schema(), filter)));
    delete(filter);
    operations.remove(operations.size() - 1);
    write(rows, r -> {
      if (!check.matches(r)) {
        throw new InvalidArgumentException("row " + r + " does not match the overwrite's filter " + filter
            + "; every new row must match it");
      }
    });
    operations.set(operations.size() - 1, "OVERWRITE WHERE " + filter);
    return this;
  }

  @Override
  public Transaction overwrite(String filter, Iterable<Record> rows) {
    return overwrite(Expressions.parse(filter), rows);
  }

  @Override
  public Transaction append(Iterable<Record> rows) {
    return write(rows, r -> { });
  }

  private Transaction write(Iterable<Record> rows, Consumer<Record> check) {
    checkOpen();
    Schema schema = working.metadata().schema();
    PartitionedWriter writer = PartitionedWriter.forTable(table.io(), table.location(), working.metadata());
    cleanups.add(writer::abort);
    List<AddFile> written = run(() -> {
      for (Record r : rows) {
        if (!r.struct().equals(schema.asStruct())) {
          throw BaseAppendWriter.mismatch(schema.asStruct(), r.struct(), "");
        }
        check.accept(r);
        writer.write(r);
      }
      return writer.finish();
    });
    stage(List.of(), written, null, null);
    operations.add("WRITE");
    return this;
  }

  @Override
  public Transaction appendFiles(Collection<DataFile> files) {
    checkOpen();
    List<AddFile> checked = run(() -> BaseAppendFiles.checkedAdds(table, working, files));
    stage(List.of(), checked, null, null);
    operations.add("WRITE " + files.size() + " described files");
    return this;
  }

  @Override
  public Transaction updateSchema(Consumer<UpdateSchema> changes) {
    checkOpen();
    Metadata updated = run(() -> Evolution.applySchemaChanges(working, changes));
    Schema before = working.metadata().schema();
    if (updated.schema().equals(before)) {
      throw new InvalidArgumentException("the schema change changes nothing");
    }
    if (Evolution.addsRequiredColumn(before, updated.schema())) {
      reads = ReadSet.union(reads, ReadSet.wholeTable("an empty table (a required column is added)"));
    }
    onlyAppends = false;
    stage(List.of(), List.of(), updated, null);
    operations.add("SET SCHEMA");
    return this;
  }

  @Override
  public Transaction updatePartitionSpec(Consumer<UpdatePartitionSpec> changes) {
    checkOpen();
    Metadata updated = run(() -> Evolution.applySpecChanges(working, changes));
    onlyAppends = false;
    stage(List.of(), List.of(), updated, null);
    operations.add("SET PARTITION SPEC " + updated.defaultSpec().format(updated.schema()));
    return this;
  }

  @Override
  public Transaction updateProperties(Consumer<UpdateProperties> changes) {
    checkOpen();
    Metadata updated = run(() -> {
      PropertiesUpdate update = new PropertiesUpdate(null);
      changes.accept(update);
      return update.applyTo(working.metadata());
    });
    onlyAppends = false;
    // merge-on-read needs the deletion vector feature, for the deletes later in this transaction too
    Protocol upgraded = DeleteMode.protocolFor(working.protocol(), updated.properties());
    stage(List.of(), List.of(), updated, upgraded.equals(working.protocol()) ? null : upgraded);
    operations.add("SET TBLPROPERTIES");
    return this;
  }

  @Override
  public Transaction applicationTransaction(String appId, long version) {
    checkOpen();
    this.txn = new Txn(appId, version, System.currentTimeMillis());
    return this;
  }

  @Override
  public CommitResult commit() {
    checkOpen();
    done = true;
    if (adds.isEmpty() && removes.isEmpty() && metadata == null) {
      throw new InvalidArgumentException("the transaction changes nothing (" + String.join("; ", operations) + ")");
    }
    long rows = adds.values().stream().mapToLong(AddFile::recordCount).sum();
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("numAddedFiles", (long) adds.size());
    metrics.put("numRemovedFiles", (long) removes.size());
    metrics.put("numOutputRows", rows);
    metrics.put("numDeletedRows", deletedRows);
    PendingCommit.Builder pending = PendingCommit.builder(OPERATION)
        .parameters(Map.of("operations", String.join("; ", operations))).metrics(metrics).protocol(protocol)
        .metadata(metadata)
        .txn(txn).removes(new ArrayList<>(removes.values())).adds(new ArrayList<>(adds.values())).reads(reads);
    if (onlyAppends && metadata == null) {
      pending.blindAppend();
    }
    CommitOutcome outcome = Commits.commit(table, read, pending.build(), List.of(), this::cleanUp);
    return new CommitResult(outcome.version(), outcome.snapshot().timestamp(), outcome.attempts(), adds.size(), rows);
  }

  /**
   * Applies staged changes to the working state. A file added earlier in this transaction and now
   * removed again is neither added nor removed by the commit (it becomes an orphan).
   */
  private void stage(List<RemoveFile> removed, List<AddFile> added, Metadata updated, Protocol upgraded) {
    List<Action> body = new ArrayList<>();
    if (upgraded != null) {
      body.add(upgraded);
      protocol = upgraded;
    }
    if (updated != null) {
      body.add(updated);
      metadata = updated;
    }
    body.addAll(removed);
    body.addAll(added);
    // never written: it only moves the working state on, so that later changes see this one
    CommitInfo info = new CommitInfo(working.timestampMillis(), OPERATION, Map.of(), working.version(),
        PendingCommit.SERIALIZABLE, false, "staged", Map.of(), Committer.ENGINE_INFO, body.size());
    List<Action> actions = new ArrayList<>(body.size() + 1);
    actions.add(info);
    actions.addAll(body);
    working = new SnapshotBuilder(working).applyOwn(new Commit(working.version() + 1, info, actions, 0)).build();
    for (RemoveFile r : removed) {
      if (adds.remove(r.path()) == null) {
        removes.put(r.path(), r);
      }
    }
    for (AddFile a : added) {
      adds.put(a.path(), a);
    }
  }

  /** Runs a change; when it fails, the transaction is done and deletes the files it wrote. */
  private <T> T run(Supplier<T> change) {
    try {
      return change.get();
    } catch (RuntimeException e) {
      done = true;
      cleanUp();
      throw e;
    }
  }

  private void cleanUp() {
    for (Runnable c : cleanups) {
      c.run();
    }
  }

  private void checkOpen() {
    if (done) {
      throw new InvalidArgumentException("this transaction has committed or failed; make a new one");
    }
  }
}

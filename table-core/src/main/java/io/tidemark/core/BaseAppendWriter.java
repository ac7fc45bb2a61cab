package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.evolve.Evolution;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.internal.write.PartitionedWriter;
import io.tidemark.core.io.OutputFile;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.DuplicateTransactionException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Writes rows to data files as they come and commits them as one blind append. */
final class BaseAppendWriter implements AppendWriter {
  private final BaseTable table;
  private final TableState read;
  private Metadata metadata;
  private Schema schema;
  private PartitionedWriter files;
  private final List<PartitionedWriter> retired = new ArrayList<>();
  private final List<AddFile> retiredAdds = new ArrayList<>();
  private final List<String> mergedColumns = new ArrayList<>();
  private boolean mergeSchema;
  private boolean conformLast;
  private StructType lastCheckedStruct;
  private Txn txn;
  private boolean committed;
  private boolean closed;

  BaseAppendWriter(BaseTable table, TableState read) {
    ProtocolSupport.checkWritable(read.protocol(), table.location());
    this.table = table;
    this.read = read;
    this.metadata = read.metadata();
    this.schema = read.metadata().schema();
    this.files = PartitionedWriter.forTable(table.io(), table.location(), read.metadata()).forceLater();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public void write(Record record) {
    checkOpen();
    StructType struct = record.struct();
    if (struct != lastCheckedStruct) {
      if (struct.equals(schema.asStruct())) {
        conformLast = false;
      } else if (mergeSchema) {
        Metadata merged = Evolution.mergeSchema(metadata, struct, mergedColumns);
        if (merged != metadata) {
          // files written so far keep the narrower schema: they are read by field id
          retiredAdds.addAll(files.finish());
          retired.add(files);
          metadata = merged;
          schema = merged.schema();
          files = PartitionedWriter.forTable(table.io(), table.location(), merged).forceLater();
        }
        conformLast = !struct.equals(schema.asStruct());
      } else {
        throw mismatch(schema.asStruct(), struct, "");
      }
      lastCheckedStruct = struct;
    }
    files.write(conformLast ? Evolution.conform(record, schema.asStruct()) : record);
  }

  @Override
  public AppendWriter mergeSchema(boolean merge) {
    checkOpen();
    this.mergeSchema = merge;
    return this;
  }

  /** The first difference between the table's struct and a record's, by name. */
  static SchemaMismatchException mismatch(StructType table, StructType record, String prefix) {
    for (NestedField f : record.fields()) {
      NestedField t = table.field(f.name());
      if (t == null) {
        return new SchemaMismatchException(prefix + f.name(), "no such column in the table schema " + table
            + " (append with mergeSchema(true) to add it)", "a column of type " + f.type());
      }
      if (!t.type().equals(f.type())) {
        if (t.type() instanceof StructType ts && f.type() instanceof StructType fs) {
          return mismatch(ts, fs, prefix + f.name() + ".");
        }
        return new SchemaMismatchException(prefix + f.name(), t.type().toString(), "a column of type " + f.type());
      }
    }
    return new SchemaMismatchException(prefix.isEmpty() ? "<record>" : prefix, "a record of the table schema " + table,
        "a record of " + record);
  }

  @Override
  public AppendWriter applicationTransaction(String appId, long version) {
    checkOpen();
    Txn candidate = new Txn(appId, version, System.currentTimeMillis());
    OptionalLong committedVersion = read.applicationVersion(appId);
    if (committedVersion.isPresent() && committedVersion.getAsLong() >= version) {
      throw new DuplicateTransactionException(appId, version, committedVersion.getAsLong());
    }
    this.txn = candidate;
    return this;
  }

  @Override
  public CommitResult commit() {
    checkOpen();
    List<AddFile> adds = new ArrayList<>(retiredAdds);
    adds.addAll(files.finish());
    // from here on the files are kept unless the commit surely failed: an unknown outcome may have landed
    closed = true;
    long rows = adds.stream().mapToLong(AddFile::recordCount).sum();
    long bytes = adds.stream().mapToLong(AddFile::size).sum();
    Map<String, Long> metrics = Map.of("numFiles", (long) adds.size(), "numOutputRows", rows, "numOutputBytes", bytes);
    boolean merged = metadata != read.metadata();
    Map<String, String> params = merged
        ? Map.of("mode", "Append", "mergeSchema", "true", "addedColumns", String.join(", ", mergedColumns))
        : Map.of("mode", "Append");
    // a merge-schema append carries metadata: it is not a blind append (spec.md 13)
    PendingCommit.Builder pending = PendingCommit.builder("WRITE").parameters(params).metrics(metrics).txn(txn)
        .adds(adds);
    if (merged) {
      pending.metadata(metadata);
    } else {
      pending.blindAppend();
    }
    CommitOutcome outcome = Commits.commit(table, read, pending.build(), unforcedFiles(), this::abortAll);
    committed = true;
    return new CommitResult(outcome.version(), outcome.snapshot().timestamp(), outcome.attempts(), adds.size(), rows);
  }

  /** The data files written, not yet forced to disk: the committer forces them beside its commit file. */
  private List<OutputFile> unforcedFiles() {
    List<OutputFile> out = new ArrayList<>();
    retired.forEach(w -> out.addAll(w.unforcedFiles()));
    out.addAll(files.unforcedFiles());
    return out;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      abortAll();
    }
  }

  private void abortAll() {
    retired.forEach(PartitionedWriter::abort);
    files.abort();
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidArgumentException(committed ? "this writer has committed already; make a new one"
          : "this writer is closed");
    }
  }
}

package io.tidemark.core.internal.ops;

import io.tidemark.core.Overwrite;
import io.tidemark.core.OverwriteResult;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.ReadSet;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.internal.write.PartitionedWriter;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** An overwrite by filter or of the partitions written; commits {@code OVERWRITE}. */
final class BaseOverwrite implements Overwrite {
  private final TableContext table;
  private final TableState read;
  private final Schema schema;
  private final PartitionedWriter files;
  private Expression filter;
  private RowEvaluator rowCheck;
  private boolean dynamic;
  private boolean writing;
  private long rowsWritten;
  private StructType lastCheckedStruct;
  private RowRemoval removal;
  private boolean closed;
  private boolean committed;

  BaseOverwrite(TableContext table) {
    this.table = table;
    this.read = table.latestState();
    ProtocolSupport.checkWritable(read.protocol(), table.location());
    this.schema = read.metadata().schema();
    this.files = PartitionedWriter.forTable(table.io(), table.location(), read.metadata());
  }

  @Override
  public Overwrite where(Expression filter) {
    checkMode();
    Objects.requireNonNull(filter, "filter");
    this.rowCheck = new RowEvaluator(Binder.bind(schema, filter));
    this.filter = filter;
    return this;
  }

  @Override
  public Overwrite where(String filter) {
    return where(Expressions.parse(filter));
  }

  @Override
  public Overwrite dynamicPartitions() {
    checkMode();
    this.dynamic = true;
    return this;
  }

  private void checkMode() {
    checkOpen();
    if (writing) {
      throw new InvalidArgumentException("choose the overwrite's filter or dynamic partitions before writing rows");
    }
    if (filter != null || dynamic) {
      throw new InvalidArgumentException("an overwrite has one filter or dynamic partitions, not both or twice");
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public void write(Record record) {
    checkOpen();
    if (filter == null && !dynamic) {
      throw new InvalidArgumentException("choose what the overwrite replaces first: where(filter) or dynamicPartitions()");
    }
    StructType struct = record.struct();
    if (struct != lastCheckedStruct) {
      if (!struct.equals(schema.asStruct())) {
        throw new SchemaMismatchException("<record>", "a record of the table schema " + schema, "a record of " + struct);
      }
      lastCheckedStruct = struct;
    }
    if (rowCheck != null && !rowCheck.matches(record)) {
      throw new InvalidArgumentException("row " + record + " does not match the overwrite's filter " + filter
          + "; every new row must match it (or use dynamicPartitions())");
    }
    writing = true;
    files.write(record);
    rowsWritten++;
  }

  @Override
  public OverwriteResult commit() {
    checkOpen();
    if (filter == null && !dynamic) {
      throw new InvalidArgumentException("choose what the overwrite replaces: where(filter) or dynamicPartitions()");
    }
    List<AddFile> newFiles = files.finish();
    closed = true;
    List<RemoveFile> removes;
    List<AddFile> adds = new ArrayList<>();
    ReadSet reads;
    long deletedRows;
    long copiedRows = 0;
    Map<String, String> parameters = new LinkedHashMap<>();
    try {
      if (dynamic) {
        parameters.put("mode", "Dynamic");
        Set<PartitionKey> partitions = partitionsOf(newFiles, read.metadata());
        removes = new ArrayList<>();
        deletedRows = 0;
        Set<String> readFiles = new HashSet<>();
        for (AddFile live : read.dataFiles()) {
          if (partitions.contains(PartitionKey.of(live, read.metadata()))) {
            removes.add(DataFiles.remove(live, true));
            readFiles.add(live.path());
            deletedRows += live.liveRecordCount();
          }
        }
        Metadata metadata = read.metadata();
        reads = new ReadSet(readFiles, f -> partitions.contains(PartitionKey.of(f, metadata)),
            "partitions " + partitions.stream().map(PartitionKey::values).toList(), false);
      } else {
        parameters.put("mode", "Static");
        parameters.put("predicate", filter.toString());
        removal = new RowRemoval(table, read, filter, DeleteMode.fromProperties(read.metadata().properties())).run();
        removes = removal.removes();
        adds.addAll(removal.adds());
        reads = removal.reads();
        deletedRows = removal.deletedRows();
        copiedRows = removal.copiedRows();
      }
    } catch (RuntimeException e) {
      files.abort();
      throw e;
    }
    adds.addAll(newFiles);
    if (removes.isEmpty() && adds.isEmpty()) {
      committed = true;
      return new OverwriteResult(-1, 0, 0, 0, 0, 0);
    }
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("numDeletedRows", deletedRows);
    metrics.put("numRemovedFiles", (long) removes.size());
    metrics.put("numAddedFiles", (long) adds.size());
    metrics.put("numOutputRows", rowsWritten);
    metrics.put("numOutputBytes", adds.stream().mapToLong(AddFile::size).sum());
    metrics.put("numCopiedRows", copiedRows);
    if (removal != null && removal.vectorsWritten() > 0) {
      metrics.put("numDeletionVectors", removal.vectorsWritten());
    }
    PendingCommit pending = PendingCommit.builder(OPERATION).parameters(parameters).metrics(metrics).removes(removes)
        .adds(adds).reads(reads).build();
    CommitOutcome outcome = Commits.commit(table, read, pending, List.of(), this::abort);
    committed = true;
    return new OverwriteResult(outcome.version(), deletedRows, removes.size(), adds.size(), rowsWritten, copiedRows);
  }

  private static Set<PartitionKey> partitionsOf(List<AddFile> files, Metadata metadata) {
    Set<PartitionKey> keys = new HashSet<>();
    for (AddFile f : files) {
      keys.add(PartitionKey.of(f, metadata));
    }
    return keys;
  }

  private void abort() {
    files.abort();
    if (removal != null) {
      removal.abort();
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      files.abort();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidArgumentException(committed ? "this overwrite has committed already; make a new one"
          : "this overwrite is closed");
    }
  }
}

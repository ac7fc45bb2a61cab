package io.tidemark.core;

import io.tidemark.core.commit.CommitOutcome;
import io.tidemark.core.commit.PendingCommit;
import io.tidemark.core.data.Record;
import io.tidemark.core.parquet.WriterOptions;
import io.tidemark.core.snapshot.ProtocolSupport;
import io.tidemark.core.snapshot.TableState;
import io.tidemark.core.write.PartitionedWriter;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.DuplicateTransactionException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Writes rows to data files as they come and commits them as one blind append. */
final class BaseAppendWriter implements AppendWriter {
  private final BaseTable table;
  private final TableState read;
  private final Schema schema;
  private final PartitionedWriter files;
  private StructType lastCheckedStruct;
  private Txn txn;
  private boolean committed;
  private boolean closed;

  BaseAppendWriter(BaseTable table, TableState read) {
    ProtocolSupport.checkWritable(read.protocol(), table.location());
    this.table = table;
    this.read = read;
    this.schema = read.metadata().schema();
    this.files = new PartitionedWriter(table.io(), table.location(), schema, read.metadata().defaultSpec(),
        WriterOptions.fromProperties(read.metadata().properties()));
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
      if (!struct.equals(schema.asStruct())) {
        throw new SchemaMismatchException("<record>", "a record of the table schema " + schema,
            "a record of " + struct);
      }
      lastCheckedStruct = struct;
    }
    files.write(record);
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
    List<AddFile> adds = files.finish();
    // from here on the files are kept unless the commit surely failed: an unknown outcome may have landed
    closed = true;
    long rows = adds.stream().mapToLong(AddFile::recordCount).sum();
    long bytes = adds.stream().mapToLong(AddFile::size).sum();
    Map<String, Long> metrics = Map.of("numFiles", (long) adds.size(), "numOutputRows", rows, "numOutputBytes", bytes);
    PendingCommit pending = new PendingCommit("WRITE", Map.of("mode", "Append"), metrics, null, null, txn,
        List.of(), adds, true);
    CommitOutcome outcome;
    try {
      outcome = table.committer().commit(read, pending);
    } catch (CommitConflictException | DuplicateTransactionException e) {
      // definitely not committed: the files are nobody's
      files.abort();
      throw e;
    }
    committed = true;
    table.afterCommit(outcome.snapshot());
    return new CommitResult(outcome.version(), outcome.snapshot().timestamp(), outcome.attempts(), adds.size(), rows);
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
      throw new InvalidArgumentException(committed ? "this writer has committed already; make a new one"
          : "this writer is closed");
    }
  }
}

package io.tidemark.spark;

import io.tidemark.core.Tables;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;

/**
 * Makes the executors' writers. Each opens the table from its location, writes data files with a
 * Tidemark {@link io.tidemark.core.DataWriter} and hands their descriptions back to the driver;
 * nothing is committed here. A task that fails or is aborted deletes its files; a retried or
 * speculative task writes new files, and only the attempt whose message reaches the driver's
 * commit is added.
 *
 * @param table the table's location and options
 * @param expected the table's columns (in Spark form) the driver planned the write for
 * @param ordinals for each table column, the position of its value in the incoming rows, or -1
 */
record WriterFactory(TableHandle table, org.apache.spark.sql.types.StructType expected, int[] ordinals)
    implements DataWriterFactory, StreamingDataWriterFactory {

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    FileIO io = table.io();
    try {
      io.tidemark.core.DataWriter writer = Tables.open(io, table.location(), table.tableOptions()).newDataWriter();
      if (!SparkSchemas.toSpark(writer.schema()).equals(expected)) {
        writer.close();
        // the table's schema changed between planning the write and this task
        throw new SchemaMismatchException("table " + table.location(), expected.simpleString(),
            SparkSchemas.toSpark(writer.schema()).simpleString());
      }
      return new TaskWriter(io, writer);
    } catch (RuntimeException e) {
      closeQuietly(io, e);
      throw e;
    }
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId, long epochId) {
    return createWriter(partitionId, taskId);
  }

  private static void closeQuietly(FileIO io, RuntimeException failure) {
    try {
      io.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private final class TaskWriter implements DataWriter<InternalRow> {
    private final FileIO io;
    private final io.tidemark.core.DataWriter writer;
    private final StructType struct;
    private final SparkRows.ToRecords converter = new SparkRows.ToRecords();

    TaskWriter(FileIO io, io.tidemark.core.DataWriter writer) {
      this.io = io;
      this.writer = writer;
      this.struct = writer.schema().asStruct();
    }

    @Override
    public void write(InternalRow row) {
      writer.write(converter.toRecord(struct, row, ordinals));
    }

    @Override
    public WriterCommitMessage commit() {
      return FilesMessage.of(writer.finish());
    }

    @Override
    public void abort() {
      writer.abort();
    }

    @Override
    public void close() {
      try (FileIO closing = io) {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

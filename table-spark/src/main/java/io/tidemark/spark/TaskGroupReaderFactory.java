package io.tidemark.spark;

import io.tidemark.core.ScanReader;
import io.tidemark.core.ScanTasks;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Reads task groups on an executor through {@link ScanTasks#open}: the storage is opened from the
 * table location, nothing else is needed. With {@code noColumns} (Spark needs only the count)
 * every row is an empty one.
 */
record TaskGroupReaderFactory(TableHandle table, boolean noColumns) implements PartitionReaderFactory {
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    FileIO io = table.io();
    ScanReader reader = ScanTasks.open(io, ((TaskGroupPartition) partition).group());
    return new Reader(io, reader, noColumns);
  }

  private static final class Reader implements PartitionReader<InternalRow> {
    private final FileIO io;
    private final ScanReader reader;
    private final CloseableIterator<Record> rows;
    private final boolean noColumns;
    private InternalRow current;

    Reader(FileIO io, ScanReader reader, boolean noColumns) {
      this.io = io;
      this.noColumns = noColumns;
      this.reader = reader;
      this.rows = reader.iterator();
    }

    @Override
    public boolean next() {
      if (!rows.hasNext()) {
        return false;
      }
      Record r = rows.next();
      current = noColumns ? InternalRow.empty() : SparkRows.toSpark(r);
      return true;
    }

    @Override
    public InternalRow get() {
      return current;
    }

    @Override
    public void close() throws IOException {
      try (FileIO closingIo = io; ScanReader closingReader = reader) {
        rows.close();
      }
    }
  }
}

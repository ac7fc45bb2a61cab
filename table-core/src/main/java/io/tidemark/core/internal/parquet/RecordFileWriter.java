package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Record;
import java.io.IOException;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** One open Parquet data file that records are written into, whichever way they are encoded. */
interface RecordFileWriter {
  void write(Record record) throws IOException;

  /** Bytes written to the file and buffered for it so far. */
  long dataSize();

  /** Writes what is buffered and the footer, and closes the file. */
  void close() throws IOException;

  /** The footer, once closed. */
  ParquetMetadata footer();

  /** A parquet-hadoop {@link ParquetWriter}: records go through its record consumer. */
  static RecordFileWriter of(ParquetWriter<Record> writer) {
    return new RecordFileWriter() {
      @Override
      public void write(Record record) throws IOException {
        writer.write(record);
      }

      @Override
      public long dataSize() {
        return writer.getDataSize();
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }

      @Override
      public ParquetMetadata footer() {
        return writer.getFooter();
      }
    };
  }
}

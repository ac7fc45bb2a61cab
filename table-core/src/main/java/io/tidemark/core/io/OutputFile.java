package io.tidemark.core.io;

/**
 * A file to write: Parquet's {@link org.apache.parquet.io.OutputFile} that also knows its
 * location. Streams it creates make their content durable when closed.
 */
public interface OutputFile extends org.apache.parquet.io.OutputFile {
  /** The file's full location. */
  String location();
}

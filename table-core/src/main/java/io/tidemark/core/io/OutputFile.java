package io.tidemark.core.io;

/**
 * A file to write: Parquet's {@link org.apache.parquet.io.OutputFile} that also knows its
 * location. Streams it creates make their content durable when closed.
 */
public interface OutputFile extends org.apache.parquet.io.OutputFile {
  /** The file's full location. */
  String location();

  /** Tidemark's storages take no block size; Parquet asks. */
  @Override
  default boolean supportsBlockSize() {
    return false;
  }

  /** No block size (see {@link #supportsBlockSize()}). */
  @Override
  default long defaultBlockSize() {
    return 0;
  }

  /** The location, for Parquet's messages. */
  @Override
  default String getPath() {
    return location();
  }
}

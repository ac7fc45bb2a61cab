package io.tidemark.core.io;

import java.io.IOException;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A file to write: Parquet's {@link org.apache.parquet.io.OutputFile} that also knows its
 * location. Streams it creates make their content durable when closed, except those of
 * {@link #createUnforced}, which leave that to {@link #force()}.
 */
public interface OutputFile extends org.apache.parquet.io.OutputFile {
  /** The file's full location. */
  String location();

  /**
   * Creates the file like {@link #create}, except that closing the stream need not make the
   * content durable: the writer calls {@link #force()} once it is closed, and so can force many
   * files side by side (see {@link Forcing}) or beside other work. The default is {@link #create}:
   * for storage whose files are durable once their stream is closed. An implementation that
   * overrides this method must override {@link #force()} too.
   */
  default PositionOutputStream createUnforced(long blockSizeHint) throws IOException {
    return create(blockSizeHint);
  }

  /**
   * Makes durable the content written through {@link #createUnforced} and closed. The default
   * does nothing (see {@link #createUnforced}).
   *
   * @throws IOException when the content may not be durable
   */
  default void force() throws IOException {}

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

package io.tidemark.core.io;

import java.io.IOException;

/**
 * A capability of an {@link OutputFile}: writing without making the content durable on close,
 * and forcing it later, so that a writer forces many files side by side (a file system flushes
 * concurrent requests together) or beside other work. Found with {@code instanceof}; a file without it is durable once its stream
 * is closed.
 */
public interface SupportsDeferredForce {
  /**
   * Creates the file like {@link OutputFile#create}, except that closing the stream need not make
   * the content durable: the writer calls {@link #force()} once it is closed.
   */
  PositionOutputStream createUnforced() throws IOException;

  /**
   * Makes durable the content written through {@link #createUnforced} and closed.
   *
   * @throws IOException when the content may not be durable
   */
  void force() throws IOException;
}

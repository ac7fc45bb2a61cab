package io.tidemark.core.data;

import java.util.Iterator;

/** An iterator over something that holds resources (open files); close it when done. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  /** Releases what the iterator holds; does not throw checked exceptions. */
  @Override
  void close();
}

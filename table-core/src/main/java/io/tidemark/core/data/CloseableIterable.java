package io.tidemark.core.data;

/**
 * An iterable whose iterators hold resources. Use it in try-with-resources: closing it closes
 * every iterator it handed out.
 */
public interface CloseableIterable<T> extends Iterable<T>, AutoCloseable {
  @Override
  CloseableIterator<T> iterator();

  /** Closes every iterator made from this iterable; does not throw checked exceptions. */
  @Override
  void close();
}

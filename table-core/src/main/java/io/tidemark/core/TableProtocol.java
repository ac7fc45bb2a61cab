package io.tidemark.core;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a reader and a writer of a table must support (spec.md, the protocol action): the minimum
 * reader and writer versions and the named features in use. Immutable.
 *
 * @param minReaderVersion the lowest reader version that can read the table
 * @param minWriterVersion the lowest writer version that can write to it
 * @param readerFeatures features a reader must support, sorted
 * @param writerFeatures features a writer must support, sorted
 */
public record TableProtocol(int minReaderVersion, int minWriterVersion, Set<String> readerFeatures,
    Set<String> writerFeatures) {
  /** Copies the feature sets, sorted. */
  public TableProtocol {
    readerFeatures = Collections.unmodifiableSortedSet(new TreeSet<>(readerFeatures));
    writerFeatures = Collections.unmodifiableSortedSet(new TreeSet<>(writerFeatures));
  }

  /** Reader and writer features together, sorted. */
  public Set<String> features() {
    Set<String> all = new TreeSet<>(readerFeatures);
    all.addAll(writerFeatures);
    return Collections.unmodifiableSet(all);
  }
}

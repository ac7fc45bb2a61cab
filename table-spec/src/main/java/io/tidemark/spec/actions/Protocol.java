package io.tidemark.spec.actions;

import java.util.Set;
import java.util.TreeSet;

/**
 * The versions and features a reader and a writer must implement to use the table.
 *
 * @param minReaderVersion the lowest reader version that can read the table
 * @param minWriterVersion the lowest writer version that can write the table
 * @param readerFeatures named features a reader must implement (empty in version 1)
 * @param writerFeatures named features a writer must implement (empty in version 1)
 */
public record Protocol(int minReaderVersion, int minWriterVersion, Set<String> readerFeatures,
    Set<String> writerFeatures) implements Action {
  /** The reader version this library implements. */
  public static final int READER_VERSION = 1;
  /** The writer version this library implements. */
  public static final int WRITER_VERSION = 1;

  /** Copies the feature sets, sorted so that serialization is stable. */
  public Protocol {
    readerFeatures = java.util.Collections.unmodifiableSet(new TreeSet<>(readerFeatures));
    writerFeatures = java.util.Collections.unmodifiableSet(new TreeSet<>(writerFeatures));
  }

  /** The protocol this library writes for new tables. */
  public static Protocol current() {
    return new Protocol(READER_VERSION, WRITER_VERSION, Set.of(), Set.of());
  }

  @Override
  public String actionName() {
    return "protocol";
  }
}

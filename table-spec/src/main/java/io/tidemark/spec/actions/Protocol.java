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

  /**
   * The feature of tables whose files may carry deletion vectors (spec.md section 4.7), in both
   * feature lists: a reader that does not know it would return deleted rows.
   */
  public static final String DELETION_VECTORS = "deletionVectors";

  /** Copies the feature sets, sorted so that serialization is stable. */
  public Protocol {
    readerFeatures = java.util.Collections.unmodifiableSet(new TreeSet<>(readerFeatures));
    writerFeatures = java.util.Collections.unmodifiableSet(new TreeSet<>(writerFeatures));
  }

  /** The protocol this library writes for new tables. */
  public static Protocol current() {
    return new Protocol(READER_VERSION, WRITER_VERSION, Set.of(), Set.of());
  }

  /** This protocol with a feature added to both lists (itself when it has it in both). */
  public Protocol withFeature(String feature) {
    if (readerFeatures.contains(feature) && writerFeatures.contains(feature)) {
      return this;
    }
    Set<String> readers = new TreeSet<>(readerFeatures);
    readers.add(feature);
    Set<String> writers = new TreeSet<>(writerFeatures);
    writers.add(feature);
    return new Protocol(minReaderVersion, minWriterVersion, readers, writers);
  }

  /** True when both lists hold the feature. */
  public boolean supports(String feature) {
    return readerFeatures.contains(feature) && writerFeatures.contains(feature);
  }

  @Override
  public String actionName() {
    return "protocol";
  }
}

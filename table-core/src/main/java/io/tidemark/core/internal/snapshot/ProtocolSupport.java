package io.tidemark.core.internal.snapshot;

import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.UnsupportedFeatureException;
import java.util.Set;
import java.util.TreeSet;

/** What protocol versions and features this library implements, and the checks against a table's protocol. */
public final class ProtocolSupport {
  /** Reader features this library implements. */
  public static final Set<String> READER_FEATURES = Set.of(Protocol.DELETION_VECTORS);
  /** Writer features this library implements. */
  public static final Set<String> WRITER_FEATURES = Set.of(Protocol.DELETION_VECTORS);

  private ProtocolSupport() {}

  /**
   * @throws UnsupportedFeatureException when this library cannot read a table with this protocol
   */
  public static void checkReadable(Protocol protocol, String table) {
    if (protocol.minReaderVersion() > Protocol.READER_VERSION) {
      throw new UnsupportedFeatureException("table " + table + " needs reader version "
          + protocol.minReaderVersion() + "; this library reads version " + Protocol.READER_VERSION);
    }
    if (protocol.readerFeatures().isEmpty()) {
      return; // checked on every refresh: no allocation for the common case
    }
    Set<String> unknown = new TreeSet<>(protocol.readerFeatures());
    unknown.removeAll(READER_FEATURES);
    if (!unknown.isEmpty()) {
      throw new UnsupportedFeatureException("table " + table + " needs reader features " + unknown
          + " that this library does not implement");
    }
  }

  /**
   * @throws UnsupportedFeatureException when this library cannot write a table with this protocol
   */
  public static void checkWritable(Protocol protocol, String table) {
    checkReadable(protocol, table);
    if (protocol.minWriterVersion() > Protocol.WRITER_VERSION) {
      throw new UnsupportedFeatureException("table " + table + " needs writer version "
          + protocol.minWriterVersion() + "; this library writes version " + Protocol.WRITER_VERSION);
    }
    Set<String> unknown = new TreeSet<>(protocol.writerFeatures());
    unknown.removeAll(WRITER_FEATURES);
    if (!unknown.isEmpty()) {
      throw new UnsupportedFeatureException("table " + table + " needs writer features " + unknown
          + " that this library does not implement");
    }
  }
}

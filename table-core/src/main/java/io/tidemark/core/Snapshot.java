package io.tidemark.core;

import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The state of a table at one version: its metadata and the data files that are live. Immutable. */
public interface Snapshot {
  /** The version this state is at. */
  long version();

  /** The in-commit timestamp of that version. */
  Instant timestamp();

  /** The table's identity, schema, partition specs and properties at this version. */
  TableMetadata metadata();

  /** The reader and writer versions and features the table requires at this version. */
  TableProtocol protocol();

  /** The table's schema at this version. */
  default Schema schema() {
    return metadata().schema();
  }

  /** The table's properties at this version, sorted by key. */
  default Map<String, String> properties() {
    return metadata().properties();
  }

  /** The live data files, in the order they were added. */
  Collection<DataFile> dataFiles();

  /** The number of rows in the live data files. */
  long recordCount();

  /** The highest version committed by this application transaction id, if any. */
  OptionalLong applicationVersion(String appId);

  /**
   * The version of the checkpoint this state was read from: the newest usable checkpoint at or
   * before {@link #version()}; empty when the state was replayed from the log alone (no
   * checkpoint yet, or none usable).
   */
  OptionalLong checkpointVersion();

  /** The commit timestamp of the {@link #checkpointVersion() checkpoint's version}; empty without one. */
  Optional<Instant> checkpointTimestamp();
}

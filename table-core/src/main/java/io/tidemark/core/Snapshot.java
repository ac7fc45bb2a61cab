package io.tidemark.core;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;

/** The state of a table at one version: its metadata and the data files that are live. Immutable. */
public interface Snapshot {
  /** The version this state is at. */
  long version();

  /** The in-commit timestamp of that version. */
  Instant timestamp();

  /** The table's schema at this version. */
  default Schema schema() {
    return metadata().schema();
  }

  /** The table's metadata at this version. */
  Metadata metadata();

  /** The table's protocol at this version. */
  Protocol protocol();

  /** The live data files, in the order they were added. */
  Collection<AddFile> dataFiles();

  /** The number of rows in the live data files. */
  long recordCount();

  /** The highest version committed by this application transaction id, if any. */
  OptionalLong applicationVersion(String appId);
}

package io.tidemark.core.internal.snapshot;

import io.tidemark.core.TableMetadata;
import io.tidemark.spec.actions.Metadata;
import java.time.Instant;

/** The public model of the log's metadata action. */
public final class PublicMetadata {
  private PublicMetadata() {}

  /** The metadata as applications see it. */
  public static TableMetadata of(Metadata m) {
    return new TableMetadata(m.tableId(), m.schemaId(), m.schema(), m.lastColumnId(), m.partitionSpecs(),
        m.defaultSpecId(), m.lastPartitionId(), m.properties(), Instant.ofEpochMilli(m.createdTime()));
  }
}

package io.tidemark.core;

import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A table's identity, schema, partition specs and properties at one version. Immutable.
 *
 * @param tableId the UUID fixed when the table was created
 * @param schemaId the id of {@code schema}; grows by one with each schema change
 * @param schema the current schema
 * @param lastColumnId the highest field id ever given in this table (dropped columns included)
 * @param partitionSpecs every partition spec the table has had, in the order they were added
 * @param defaultSpecId the id of the spec new files are written with
 * @param lastPartitionId the highest partition field id ever given
 * @param properties the table properties, sorted by key
 * @param createdAt when the table was created
 */
public record TableMetadata(String tableId, int schemaId, Schema schema, int lastColumnId,
    List<PartitionSpec> partitionSpecs, int defaultSpecId, int lastPartitionId, Map<String, String> properties,
    Instant createdAt) {
  /** Copies the collections. */
  public TableMetadata {
    Objects.requireNonNull(tableId, "tableId");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(createdAt, "createdAt");
    partitionSpecs = List.copyOf(partitionSpecs);
    properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  /** The spec new files are written with. */
  public PartitionSpec defaultSpec() {
    return spec(defaultSpecId);
  }

  /** The spec with this id, or null when the table never had it. */
  public PartitionSpec spec(int specId) {
    for (PartitionSpec s : partitionSpecs) {
      if (s.specId() == specId) {
        return s;
      }
    }
    return null;
  }
}

package io.tidemark.spec.actions;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The table's identity, schema, partition specs and properties. A commit that carries it
 * replaces the previous metadata as a whole.
 *
 * @param tableId a UUID fixed when the table is created
 * @param schemaId the id of {@code schema}; grows by one each time the schema changes
 * @param schema the current schema
 * @param lastColumnId the highest field id ever assigned in this table
 * @param partitionSpecs every partition spec the table has had, by id
 * @param defaultSpecId the spec new files are written with
 * @param lastPartitionId the highest partition field id ever assigned
 * @param properties table properties (string keys and values)
 * @param createdTime when the table was created, epoch milliseconds
 */
public record Metadata(String tableId, int schemaId, Schema schema, int lastColumnId,
    List<PartitionSpec> partitionSpecs, int defaultSpecId, int lastPartitionId,
    Map<String, String> properties, long createdTime) implements Action {
  /** Copies the collections and checks that the default spec exists. */
  public Metadata {
    Objects.requireNonNull(tableId, "tableId");
    Objects.requireNonNull(schema, "schema");
    partitionSpecs = List.copyOf(partitionSpecs);
    properties = java.util.Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(properties)));
    if (lastColumnId < schema.highestFieldId()) {
      throw new InvalidArgumentException("lastColumnId " + lastColumnId
          + " is lower than the schema's highest field id " + schema.highestFieldId());
    }
    final int specId = defaultSpecId;
    if (partitionSpecs.stream().noneMatch(s -> s.specId() == specId)) {
      throw new InvalidArgumentException("default partition spec " + defaultSpecId + " is not among the specs");
    }
  }

  /** The spec new files are written with. */
  public PartitionSpec defaultSpec() {
    return spec(defaultSpecId);
  }

  /** The spec with this id, or null. */
  public PartitionSpec spec(int specId) {
    for (PartitionSpec s : partitionSpecs) {
      if (s.specId() == specId) {
        return s;
      }
    }
    return null;
  }

  /** A property's value, or the default when it is not set. */
  public String property(String key, String defaultValue) {
    return properties.getOrDefault(key, defaultValue);
  }

  @Override
  public String actionName() {
    return "metadata";
  }
}

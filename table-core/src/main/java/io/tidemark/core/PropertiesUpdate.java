package io.tidemark.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.InvalidArgumentException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Records property changes and applies them, in order, to the newest metadata when committed. */
final class PropertiesUpdate implements UpdateProperties {
  /** The operation name of a property change commit. */
  static final String OPERATION = "SET TBLPROPERTIES";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TableContext table;
  /** Key to new value, null for an unset; a later change of a key replaces an earlier one. */
  private final Map<String, String> changes = new LinkedHashMap<>();

  PropertiesUpdate(TableContext table) {
    this.table = table;
  }

  @Override
  public UpdateProperties set(String key, String value) {
    PropertyRules.checkKey(key);
    PropertyRules.checkValue(key, value);
    changes.remove(key);
    changes.put(key, value);
    return this;
  }

  @Override
  public UpdateProperties unset(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidArgumentException("a table property key is empty");
    }
    changes.remove(key);
    changes.put(key, null);
    return this;
  }

  @Override
  public Map<String, String> apply() {
    return applyTo(table.latestState().metadata().properties());
  }

  private Map<String, String> applyTo(Map<String, String> base) {
    Map<String, String> updated = new TreeMap<>(base);
    changes.forEach((key, value) -> {
      if (value != null) {
        updated.put(key, value);
      } else if (updated.remove(key) == null) {
        PropertyRules.checkKey(key); // a misspelt key would otherwise pass as a no-op
      }
    });
    PropertyRules.checkValues(updated);
    return updated;
  }

  @Override
  public CommitResult commit() {
    TableState read = table.latestState();
    Metadata base = read.metadata();
    Metadata metadata = applyTo(base);
    Map<String, String> updated = metadata.properties();
    Map<String, String> set = new TreeMap<>();
    List<String> unset = new ArrayList<>();
    updated.forEach((key, value) -> {
      if (!Objects.equals(base.properties().get(key), value)) {
        set.put(key, value);
      }
    });
    base.properties().keySet().stream().filter(key -> !updated.containsKey(key)).sorted().forEach(unset::add);
    Map<String, String> params = new LinkedHashMap<>();
    if (!set.isEmpty()) {
      params.put("set", json(set));
    }
    if (!unset.isEmpty()) {
      params.put("unset", json(unset));
    }
    PendingCommit.Builder builder = PendingCommit.builder(OPERATION).parameters(params).metadata(metadata);
    Protocol protocol = DeleteMode.protocolFor(read.protocol(), updated);
    if (!protocol.equals(read.protocol())) {
      builder.protocol(protocol);
    }
    PendingCommit pending = builder.build();
    CommitOutcome outcome = Commits.commit(table, read, pending);
    return new CommitResult(outcome.version(), Instant.ofEpochMilli(outcome.timestampMillis()), outcome.attempts(),
        0, 0);
  }

  /**
   * {@code base} with the changed properties.
   *
   * @throws InvalidArgumentException naming a refused key or value, or when nothing would change
   */
  Metadata applyTo(Metadata base) {
    Map<String, String> updated = applyTo(base.properties());
    if (updated.equals(base.properties())) {
      throw new InvalidArgumentException("the property change changes nothing: " + describe());
    }
    return new Metadata(base.tableId(), base.schemaId(), base.schema(), base.lastColumnId(),
        base.partitionSpecs(), base.defaultSpecId(), base.lastPartitionId(), updated, base.createdTime());
  }

  private String describe() {
    List<String> parts = new ArrayList<>();
    changes.forEach((key, value) ->
        parts.add(value == null ? key + " is not set" : key + " is '" + value + "' already"));
    return String.join(", ", parts);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

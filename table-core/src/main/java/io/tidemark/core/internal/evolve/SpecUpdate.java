package io.tidemark.core.internal.evolve;

import io.tidemark.core.EvolutionResult;
import io.tidemark.core.UpdatePartitionSpec;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.snapshot.PublicMetadata;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transform;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Records partition spec changes and applies them to the newest default spec when committed. */
final class SpecUpdate implements UpdatePartitionSpec {
  /** The operation name of a partition spec change commit. */
  static final String OPERATION = "SET PARTITION SPEC";

  private final TableContext table;
  private final List<Consumer<Work>> changes = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();

  SpecUpdate(TableContext table) {
    this.table = table;
  }

  /** A field of the spec being built: kept from the current spec (with its id) or new. */
  private record Entry(PartitionField kept, String column, Transform transform, String name) {
    String fieldName() {
      return kept != null ? kept.name() : name != null ? name : PartitionSpec.defaultName(column, transform);
    }
  }

  private static final class Work {
    final Metadata base;
    final List<Entry> entries = new ArrayList<>();

    Work(Metadata base) {
      this.base = base;
      for (PartitionField f : base.defaultSpec().fields()) {
        entries.add(new Entry(f, null, null, null));
      }
    }
  }

  private UpdatePartitionSpec change(String description, Consumer<Work> change) {
    descriptions.add(description);
    changes.add(change);
    return this;
  }

  @Override
  public UpdatePartitionSpec addField(String column, Transform transform) {
    return addField(column, transform, null);
  }

  @Override
  public UpdatePartitionSpec addField(String column, Transform transform, String name) {
    Objects.requireNonNull(transform, "transform");
    return change("add " + transform + "(" + column + ")" + (name == null ? "" : " as " + name),
        w -> w.entries.add(new Entry(null, column, transform, name)));
  }

  @Override
  public UpdatePartitionSpec removeField(String name) {
    return change("remove " + name, w -> {
      boolean removed = w.entries.removeIf(e -> e.fieldName().equals(name));
      if (!removed) {
        throw new InvalidArgumentException("cannot remove partition field '" + name + "': the partition spec has "
            + "no such field; fields are " + w.entries.stream().map(Entry::fieldName).toList());
      }
    });
  }

  @Override
  public UpdatePartitionSpec replaceWith(String shortForm) {
    String text = shortForm == null ? "" : shortForm;
    return change("replace with [" + text.trim() + "]", w -> {
      Schema schema = w.base.schema();
      PartitionSpec parsed = PartitionSpec.parse(schema, text);
      List<PartitionField> current = new ArrayList<>();
      for (Entry e : w.entries) {
        if (e.kept != null) {
          current.add(e.kept);
        }
      }
      w.entries.clear();
      for (PartitionField f : parsed.fields()) {
        PartitionField same = current.stream().filter(c -> c.sourceId() == f.sourceId()
            && c.transform().equals(f.transform()) && c.name().equals(f.name())).findFirst().orElse(null);
        w.entries.add(same != null ? new Entry(same, null, null, null)
            : new Entry(null, path(schema, f.sourceId()), f.transform(), f.name()));
      }
    });
  }

  /** The dotted path of a field of nested structs. */
  private static String path(Schema schema, int id) {
    String p = path(schema.asStruct(), id, "");
    if (p == null) {
      throw new InvalidArgumentException("no field with id " + id + " in the schema");
    }
    return p;
  }

  private static String path(StructType struct, int id, String prefix) {
    for (NestedField f : struct.fields()) {
      if (f.id() == id) {
        return prefix + f.name();
      }
      if (f.type() instanceof StructType s) {
        String inner = path(s, id, prefix + f.name() + ".");
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private PartitionSpec build(Metadata base) {
    Work work = new Work(base);
    for (Consumer<Work> c : changes) {
      c.accept(work);
    }
    int nextSpecId = base.partitionSpecs().stream().mapToInt(PartitionSpec::specId).max().orElse(-1) + 1;
    PartitionSpec.Builder builder = PartitionSpec.builderFor(base.schema()).specId(nextSpecId)
        .lastAssignedFieldId(Math.max(PartitionSpec.UNASSIGNED_FIELD_ID, base.lastPartitionId()));
    for (Entry e : work.entries) {
      if (e.kept != null) {
        builder.add(e.kept);
      } else {
        builder.add(e.column, e.transform, e.name);
      }
    }
    PartitionSpec spec = builder.build();
    checkNames(base.schema(), spec);
    return spec;
  }

  /** spec.md 8.1: a partition field name must not be another column's name unless it is its own identity. */
  private static void checkNames(Schema schema, PartitionSpec spec) {
    for (PartitionField f : spec.fields()) {
      NestedField column = schema.findColumn(f.name());
      if (column != null && !(column.id() == f.sourceId() && "identity".equals(f.transform().toString()))) {
        throw new InvalidArgumentException("partition field name '" + f.name() + "' (" + f.transform()
            + ") is the name of a column of the schema; give it another name");
      }
    }
  }

  @Override
  public PartitionSpec apply() {
    return build(table.latestState().metadata());
  }

  @Override
  public EvolutionResult commit() {
    TableState read = table.latestState();
    Metadata base = read.metadata();
    Metadata updated = applyTo(base);
    PartitionSpec spec = updated.defaultSpec();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("changes", String.join("; ", descriptions));
    params.put("specId", Integer.toString(spec.specId()));
    params.put("spec", spec.format(base.schema()));
    PendingCommit pending = PendingCommit.builder(OPERATION).parameters(params).metadata(updated).build();
    CommitOutcome outcome = Commits.commit(table, read, pending);
    return new EvolutionResult(outcome.version(), outcome.attempts(), PublicMetadata.of(updated));
  }

  /** What the changes were, for a commit's parameters. */
  String description() {
    return String.join("; ", descriptions);
  }

  /**
   * {@code base} with the changed spec as its default.
   *
   * @throws InvalidArgumentException when a change cannot apply or the spec would not change
   */
  Metadata applyTo(Metadata base) {
    PartitionSpec built = build(base);
    if (built.fields().equals(base.defaultSpec().fields())) {
      throw new InvalidArgumentException("the partition spec change changes nothing (" + String.join("; ", descriptions)
          + ")");
    }
    // a spec the table had before, fields and ids alike, becomes the default again instead of a copy
    PartitionSpec existing = base.partitionSpecs().stream().filter(s -> s.fields().equals(built.fields()))
        .findFirst().orElse(null);
    List<PartitionSpec> specs = new ArrayList<>(base.partitionSpecs());
    PartitionSpec spec = existing != null ? existing : built;
    if (existing == null) {
      specs.add(built);
    }
    int lastPartitionId = Math.max(base.lastPartitionId(), spec.lastAssignedFieldId());
    return new Metadata(base.tableId(), base.schemaId(), base.schema(), base.lastColumnId(), specs,
        spec.specId(), lastPartitionId, base.properties(), base.createdTime());
  }
}

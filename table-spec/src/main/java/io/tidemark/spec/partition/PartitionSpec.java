package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a table's rows are grouped into files: a list of partition fields, each a transform of a
 * source column. Each data file records the id of the spec it was written with.
 *
 * <p>Build one against a schema with {@link #builderFor(Schema)}, which checks the columns and
 * transforms and assigns partition field ids, or parse the command-line form with
 * {@link #parse(Schema, String)}.
 *
 * @param specId the spec's id, unique within the table
 * @param fields the partition fields; empty for an unpartitioned table. Names and field ids are
 *     unique within the spec.
 */
public record PartitionSpec(int specId, List<PartitionField> fields) {
  /** The partition field id before the first one: ids are assigned from 1000 upward. */
  public static final int UNASSIGNED_FIELD_ID = 999;

  private static final PartitionSpec UNPARTITIONED = new PartitionSpec(0, List.of());

  /**
   * Copies the list and checks that names and field ids are unique.
   *
   * @throws InvalidArgumentException naming the repeated name or id
   */
  public PartitionSpec {
    fields = List.copyOf(fields);
    Set<String> names = new HashSet<>();
    Set<Integer> ids = new HashSet<>();
    for (PartitionField f : fields) {
      if (!names.add(f.name())) {
        throw new InvalidArgumentException("partition spec " + specId + " has two fields named '" + f.name() + "'");
      }
      if (!ids.add(f.fieldId())) {
        throw new InvalidArgumentException("partition spec " + specId + " uses partition field id " + f.fieldId()
            + " twice");
      }
    }
  }

  /** The spec with no fields, id 0. */
  public static PartitionSpec unpartitioned() {
    return UNPARTITIONED;
  }

  /**
   * A builder of a spec over this schema: spec id 0, new partition field ids from 1000 upward
   * unless {@link Builder#lastAssignedFieldId(int)} says otherwise.
   */
  public static Builder builderFor(Schema schema) {
    return new Builder(schema);
  }

  /**
   * Parses the command-line form, e.g. {@code day(ts), bucket(16, id), truncate(4, name),
   * identity(category), region, hour(ts) as event_hour}: a comma-separated list of
   * {@code identity(col)}, {@code bucket(N, col)}, {@code truncate(W, col)}, {@code year(col)},
   * {@code month(col)}, {@code day(col)}, {@code hour(col)}, {@code void(col)}, or a bare column
   * (identity), each optionally followed by {@code as name}. Function names are
   * case-insensitive ({@code years}, {@code months}, {@code days}, {@code hours} are accepted
   * too); columns are names as in the schema's short form (back-quoted when not plain words),
   * members of structs joined by {@code .}. An empty or blank text is the unpartitioned spec.
   * The spec gets id 0 and partition field ids from 1000.
   *
   * @throws InvalidArgumentException naming the position and what was expected there, or a
   *     problem {@link Builder} reports
   */
  public static PartitionSpec parse(Schema schema, String text) {
    return PartitionSpecParser.parse(builderFor(schema), text).build();
  }

  /** True when the spec has no fields. */
  public boolean isUnpartitioned() {
    return fields.isEmpty();
  }

  /** The field with this name, or null. */
  public PartitionField field(String name) {
    for (PartitionField f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The highest partition field id in this spec, or {@value #UNASSIGNED_FIELD_ID} when it has no fields. */
  public int lastAssignedFieldId() {
    int last = UNASSIGNED_FIELD_ID;
    for (PartitionField f : fields) {
      last = Math.max(last, f.fieldId());
    }
    return last;
  }

  /**
   * The struct of the partition values: one optional field per partition field, in order, with
   * the partition field's id and name and the transform's result type.
   *
   * @throws InvalidArgumentException when a source column is not in the schema or a transform
   *     does not apply to its type
   */
  public StructType partitionType(Schema schema) {
    List<NestedField> out = new ArrayList<>(fields.size());
    for (PartitionField f : fields) {
      out.add(NestedField.optional(f.fieldId(), f.name(), f.resultType(schema)));
    }
    return new StructType(out);
  }

  /**
   * Checks that every source column is in the schema and every transform applies to its type.
   *
   * @throws InvalidArgumentException naming the first field that does not fit
   */
  public void checkCompatible(Schema schema) {
    for (PartitionField f : fields) {
      f.resultType(schema);
    }
  }

  /**
   * The command-line form ({@link #parse(Schema, String)}) of this spec: {@code day(ts),
   * bucket(16, id)}, with {@code as name} where a name is not the default one. Parsing it
   * against the same schema gives the same fields, ids included when they were assigned from
   * 1000 in order.
   *
   * @throws InvalidArgumentException when a source column is not in the schema
   */
  public String format(Schema schema) {
    List<String> parts = new ArrayList<>();
    for (PartitionField f : fields) {
      parts.add(PartitionSpecParser.format(schema, f));
    }
    return String.join(", ", parts);
  }

  /** The name a partition field of this transform of this column gets unless one is given. */
  public static String defaultName(String column, Transform transform) {
    switch (transform.name()) {
      case "identity":
        return column;
      case "bucket":
        return column + "_bucket";
      case "truncate":
        return column + "_trunc";
      case "void":
        return column + "_null";
      default:
        return column + "_" + transform.name();
    }
  }

  /**
   * Collects partition fields of one schema, checking each as it is added, and assigns partition
   * field ids when built. Not thread-safe.
   */
  public static final class Builder {
    private final Schema schema;
    private final List<Pending> pending = new ArrayList<>();
    private int specId;
    private int lastAssignedFieldId = UNASSIGNED_FIELD_ID;

    private record Pending(NestedField source, String column, String name, Transform transform, Integer fieldId) {}

    private Builder(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** The spec's id (default 0). */
    public Builder specId(int id) {
      if (id < 0) {
        throw new InvalidArgumentException("partition spec id must not be negative, was " + id);
      }
      this.specId = id;
      return this;
    }

    /**
     * The highest partition field id the table has given so far (its {@code lastPartitionId});
     * new fields get the ids after it. Default {@value PartitionSpec#UNASSIGNED_FIELD_ID}.
     */
    public Builder lastAssignedFieldId(int id) {
      if (id < UNASSIGNED_FIELD_ID) {
        throw new InvalidArgumentException("last assigned partition field id must be at least "
            + UNASSIGNED_FIELD_ID + ", was " + id);
      }
      this.lastAssignedFieldId = id;
      return this;
    }

    /** Partitions by the column's value. The field is named after the column. */
    public Builder identity(String column) {
      return add(column, Transforms.identity());
    }

    /** Partitions by the column's value, under this name. */
    public Builder identity(String column, String name) {
      return add(column, Transforms.identity(), name);
    }

    /** Partitions by {@code bucket[n]} of the column, named {@code <column>_bucket}. */
    public Builder bucket(String column, int n) {
      return add(column, Transforms.bucket(n));
    }

    /** Partitions by {@code bucket[n]} of the column, under this name. */
    public Builder bucket(String column, int n, String name) {
      return add(column, Transforms.bucket(n), name);
    }

    /** Partitions by {@code truncate[width]} of the column, named {@code <column>_trunc}. */
    public Builder truncate(String column, int width) {
      return add(column, Transforms.truncate(width));
    }

    /** Partitions by {@code truncate[width]} of the column, under this name. */
    public Builder truncate(String column, int width, String name) {
      return add(column, Transforms.truncate(width), name);
    }

    /** Partitions by the year of the column, named {@code <column>_year}. */
    public Builder year(String column) {
      return add(column, Transforms.year());
    }

    /** Partitions by the year of the column, under this name. */
    public Builder year(String column, String name) {
      return add(column, Transforms.year(), name);
    }

    /** Partitions by the month of the column, named {@code <column>_month}. */
    public Builder month(String column) {
      return add(column, Transforms.month());
    }

    /** Partitions by the month of the column, under this name. */
    public Builder month(String column, String name) {
      return add(column, Transforms.month(), name);
    }

    /** Partitions by the day of the column, named {@code <column>_day}. */
    public Builder day(String column) {
      return add(column, Transforms.day());
    }

    /** Partitions by the day of the column, under this name. */
    public Builder day(String column, String name) {
      return add(column, Transforms.day(), name);
    }

    /** Partitions by the hour of the column, named {@code <column>_hour}. */
    public Builder hour(String column) {
      return add(column, Transforms.hour());
    }

    /** Partitions by the hour of the column, under this name. */
    public Builder hour(String column, String name) {
      return add(column, Transforms.hour(), name);
    }

    /** A field that is always null ({@code void}), named {@code <column>_null}. */
    public Builder alwaysNull(String column) {
      return add(column, Transforms.alwaysNull());
    }

    /** A field that is always null ({@code void}), under this name. */
    public Builder alwaysNull(String column, String name) {
      return add(column, Transforms.alwaysNull(), name);
    }

    /** Partitions by the transform of the column, under its default name ({@link PartitionSpec#defaultName}). */
    public Builder add(String column, Transform transform) {
      return add(column, transform, null);
    }

    /**
     * Partitions by the transform of the column, under this name (null: the default name).
     * A column is a top-level column's name or, for a member of a struct, the names from the
     * top-level column down joined by {@code .}.
     *
     * @throws InvalidArgumentException when the column is not in the schema (or is inside a list
     *     or map), the transform does not apply to its type, the name is empty, already used by
     *     another partition field or by a different column of the schema, the column already has
     *     this transform, or the column already has a time transform (year, month, day, hour)
     *     and this is another one
     */
    public Builder add(String column, Transform transform, String name) {
      Objects.requireNonNull(transform, "transform");
      NestedField source = resolve(column);
      return add(source, column, transform, name, null);
    }

    /**
     * Adds a field of an earlier spec unchanged, its field id included (partition evolution keeps
     * the ids of the fields it keeps). Checked like {@link #add(String, Transform, String)}.
     *
     * @throws InvalidArgumentException when its source id is not in the schema, or as for
     *     {@link #add(String, Transform, String)}
     */
    public Builder add(PartitionField field) {
      NestedField source = field.source(schema);
      for (Pending p : pending) {
        if (p.fieldId() != null && p.fieldId() == field.fieldId()) {
          throw new InvalidArgumentException("partition field id " + field.fieldId() + " of '" + field.name()
              + "' is already used by '" + p.name() + "'");
        }
      }
      return add(source, source.name(), field.transform(), field.name(), field.fieldId());
    }

    Builder add(List<String> columnPath, Transform transform, String name) {
      NestedField source = resolvePath(columnPath);
      return add(source, String.join(".", columnPath), transform, name, null);
    }

    private Builder add(NestedField source, String column, Transform transform, String name, Integer fieldId) {
      if (!transform.canApplyTo(source.type())) {
        throw new InvalidArgumentException("cannot partition by " + transform + " of column '" + column
            + "': it has type " + source.type() + ", and " + transform.name() + " applies to "
            + applicableTypes(transform));
      }
      String fieldName = name == null ? defaultName(column, transform) : name;
      if (fieldName.isBlank()) {
        throw new InvalidArgumentException("partition field name must not be empty (" + transform + " of column '"
            + column + "')");
      }
      NestedField sameName = findColumn(fieldName);
      if (sameName != null && !(sameName.id() == source.id() && transform.name().equals("identity"))) {
        throw new InvalidArgumentException("partition field name '" + fieldName + "' (" + transform + " of column '"
            + column + "') is the name of a schema column; choose another name");
      }
      for (Pending p : pending) {
        if (p.name().equals(fieldName)) {
          throw new InvalidArgumentException("partition field name '" + fieldName + "' is used twice: for "
              + p.transform() + " of column '" + p.column() + "' and " + transform + " of column '" + column + "'");
        }
        if (p.source().id() == source.id()) {
          if (p.transform().equals(transform)) {
            throw new InvalidArgumentException("column '" + column + "' is partitioned by " + transform
                + " twice ('" + p.name() + "' and '" + fieldName + "')");
          }
          if (isTime(p.transform()) && isTime(transform)) {
            throw new InvalidArgumentException("column '" + column + "' is partitioned by both " + p.transform()
                + " ('" + p.name() + "') and " + transform + " ('" + fieldName
                + "'); one time transform per column is enough");
          }
        }
      }
      pending.add(new Pending(source, column, fieldName, transform, fieldId));
      return this;
    }

    /**
     * The spec. Fields added by column get ids after the last assigned id (or after the highest
     * id of a kept field, if that is higher), in the order they were added.
     */
    public PartitionSpec build() {
      int next = lastAssignedFieldId;
      for (Pending p : pending) {
        if (p.fieldId() != null) {
          next = Math.max(next, p.fieldId());
        }
      }
      List<PartitionField> fields = new ArrayList<>(pending.size());
      for (Pending p : pending) {
        int id = p.fieldId() != null ? p.fieldId() : ++next;
        fields.add(new PartitionField(p.source().id(), id, p.name(), p.transform()));
      }
      return new PartitionSpec(specId, fields);
    }

    private static boolean isTime(Transform t) {
      return t instanceof TimeTransform;
    }

    private NestedField resolve(String column) {
      if (column == null || column.isEmpty()) {
        throw new InvalidArgumentException("partition source column must not be empty");
      }
      NestedField f = findColumn(column);
      if (f == null) {
        List<String> names = schema.columns().stream().map(NestedField::name).toList();
        throw new InvalidArgumentException("cannot partition by column '" + column + "': no such column in the schema"
            + " (columns are " + names + "; members of structs are named like 'point.x')");
      }
      return f;
    }

    private NestedField resolvePath(List<String> path) {
      StructType struct = schema.asStruct();
      NestedField f = null;
      for (int i = 0; i < path.size(); i++) {
        f = struct == null ? null : struct.field(path.get(i));
        if (f == null) {
          String column = String.join(".", path);
          List<String> names = schema.columns().stream().map(NestedField::name).toList();
          throw new InvalidArgumentException("cannot partition by column '" + column + "': no such column in the"
              + " schema (columns are " + names + ")");
        }
        struct = f.type() instanceof StructType s ? s : null;
      }
      return f;
    }

    /** A top-level column by its exact name, else a struct member by its dotted path; or null. */
    private NestedField findColumn(String name) {
      return find(schema.asStruct(), name);
    }

    private static NestedField find(StructType struct, String name) {
      NestedField exact = struct.field(name);
      if (exact != null) {
        return exact;
      }
      for (NestedField f : struct.fields()) {
        if (f.type() instanceof StructType s && name.startsWith(f.name() + ".")) {
          NestedField inner = find(s, name.substring(f.name().length() + 1));
          if (inner != null) {
            return inner;
          }
        }
      }
      return null;
    }

    private static String applicableTypes(Transform transform) {
      List<String> types = new ArrayList<>();
      for (PrimitiveType p : PrimitiveType.values()) {
        if (transform.canApplyTo(p)) {
          types.add(p.typeName());
        }
        if (p == PrimitiveType.DOUBLE && transform.canApplyTo(new DecimalType(1, 0))) {
          types.add("decimal");
        }
      }
      return types.isEmpty() ? "no type" : String.join(", ", types);
    }
  }
}

package io.tidemark.spec.types;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table schema: the top-level columns, each field (nested ones too) carrying a unique id.
 * Data files are read by field id, never by name or position.
 *
 * <p>Build one with {@link #builder()}, which assigns ids, or {@link SchemaDdl#parse(String)}.
 */
public final class Schema {
  private final StructType struct;
  private final Map<Integer, NestedField> byId;
  private final int highestFieldId;

  /**
   * A schema of these columns, whose ids (nested ones too) must all be set and unique.
   *
   * @throws InvalidArgumentException when an id is missing or used twice
   */
  public Schema(List<NestedField> columns) {
    this.struct = new StructType(columns);
    Map<Integer, NestedField> ids = new HashMap<>();
    int[] highest = {0};
    for (NestedField f : struct.fields()) {
      index(f, ids, highest);
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.highestFieldId = highest[0];
  }

  private static void index(NestedField field, Map<Integer, NestedField> ids, int[] highest) {
    claim(field.id(), field, ids, highest);
    indexType(field.name(), field.type(), ids, highest);
  }

  private static void indexType(String path, Type type, Map<Integer, NestedField> ids, int[] highest) {
    if (type instanceof StructType s) {
      for (NestedField child : s.fields()) {
        index(child, ids, highest);
      }
    } else if (type instanceof ListType l) {
      NestedField element = new NestedField(l.elementId(), "element", l.elementType(), l.elementRequired(), null);
      claim(l.elementId(), element, ids, highest);
      indexType(path + ".element", l.elementType(), ids, highest);
    } else if (type instanceof MapType m) {
      claim(m.keyId(), new NestedField(m.keyId(), "key", m.keyType(), true, null), ids, highest);
      claim(m.valueId(), new NestedField(m.valueId(), "value", m.valueType(), m.valueRequired(), null), ids, highest);
      indexType(path + ".key", m.keyType(), ids, highest);
      indexType(path + ".value", m.valueType(), ids, highest);
    }
  }

  private static void claim(int id, NestedField field, Map<Integer, NestedField> ids, int[] highest) {
    if (id <= 0) {
      throw new InvalidArgumentException("field '" + field.name() + "' has no field id");
    }
    NestedField previous = ids.putIfAbsent(id, field);
    if (previous != null) {
      throw new InvalidArgumentException("field id " + id + " is used by both '" + previous.name()
          + "' and '" + field.name() + "'");
    }
    highest[0] = Math.max(highest[0], id);
  }

  /** A builder that assigns fresh field ids: top-level columns first, then nested fields. */
  public static Builder builder() {
    return new Builder();
  }

  /** The top-level columns in order. */
  public List<NestedField> columns() {
    return struct.fields();
  }

  /** The schema as a struct type. */
  public StructType asStruct() {
    return struct;
  }

  /** The top-level column with this name, or null. */
  public NestedField findColumn(String name) {
    return struct.field(name);
  }

  /**
   * The top-level column with this name.
   *
   * @throws InvalidArgumentException naming the column and the columns there are
   */
  public NestedField column(String name) {
    NestedField f = struct.field(name);
    if (f == null) {
      List<String> names = columns().stream().map(NestedField::name).toList();
      throw new InvalidArgumentException("no column '" + name + "' in schema; columns are " + names);
    }
    return f;
  }

  /** The field with this id anywhere in the schema (list elements and map keys/values too), or null. */
  public NestedField findField(int id) {
    return byId.get(id);
  }

  /** The highest field id used in this schema. */
  public int highestFieldId() {
    return highestFieldId;
  }

  /**
   * The schema of only these top-level columns, in the order given, ids unchanged.
   *
   * @throws InvalidArgumentException when a name is not a column or is given twice
   */
  public Schema select(List<String> names) {
    List<NestedField> chosen = new ArrayList<>();
    for (String name : names) {
      NestedField f = column(name);
      if (chosen.contains(f)) {
        throw new InvalidArgumentException("column '" + name + "' selected twice");
      }
      chosen.add(f);
    }
    return new Schema(chosen);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema other && struct.equals(other.struct);
  }

  @Override
  public int hashCode() {
    return struct.hashCode();
  }

  @Override
  public String toString() {
    return struct.toString();
  }

  /** Collects columns and assigns ids when built. Not thread-safe. */
  public static final class Builder {
    private final List<NestedField> columns = new ArrayList<>();

    private Builder() {}

    /** Adds a required column. Ids inside {@code type} are reassigned by {@link #build()}. */
    public Builder required(String name, Type type) {
      columns.add(new NestedField(0, name, Objects.requireNonNull(type), true, null));
      return this;
    }

    /** Adds an optional column. Ids inside {@code type} are reassigned by {@link #build()}. */
    public Builder optional(String name, Type type) {
      columns.add(new NestedField(0, name, Objects.requireNonNull(type), false, null));
      return this;
    }

    /** Adds a column with a doc string. */
    public Builder column(String name, Type type, boolean required, String doc) {
      columns.add(new NestedField(0, name, Objects.requireNonNull(type), required, doc));
      return this;
    }

    /** The schema, ids 1..n for the top-level columns, then nested ids depth-first. */
    public Schema build() {
      return new Schema(FieldIds.assignFresh(columns, 0));
    }
  }
}

package io.tidemark.core.data;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.Arrays;

/**
 * One row: the values of a struct's fields, in field order. Immutable. Values use the Java
 * classes listed by {@link io.tidemark.spec.types.PrimitiveType} and {@link ValueChecker}:
 * nested structs are records, lists are {@link java.util.List}, maps are {@link java.util.Map}.
 *
 * <p>Make one with {@link #of(Schema, Object...)} or {@link #builder(Schema)}; both check every
 * value against the schema and fail with a {@link io.tidemark.spec.error.SchemaMismatchException}
 * naming the field.
 */
public final class Record {
  private final StructType struct;
  private final Object[] values;

  private Record(StructType struct, Object[] values) {
    this.struct = struct;
    this.values = values;
  }

  /** A record of a schema's columns, values in column order; values are checked. */
  public static Record of(Schema schema, Object... values) {
    return of(schema.asStruct(), values);
  }

  /** A record of a struct's fields, values in field order; values are checked. */
  public static Record of(StructType struct, Object... values) {
    if (values.length != struct.fields().size()) {
      throw new InvalidArgumentException("record needs " + struct.fields().size() + " values "
          + names(struct) + ", got " + values.length);
    }
    Object[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      NestedField f = struct.fields().get(i);
      copy[i] = ValueChecker.check(f.name(), f.type(), f.required(), copy[i]);
    }
    return new Record(struct, copy);
  }

  /**
   * A record whose values were checked already (by a reader decoding a file of this schema).
   * Not for application code: the array is kept, not copied.
   */
  public static Record trusted(StructType struct, Object[] values) {
    return new Record(struct, values);
  }

  /** A builder for a record of this schema; unset columns are null. */
  public static Builder builder(Schema schema) {
    return new Builder(schema.asStruct());
  }

  /** A builder for a record of this struct; unset fields are null. */
  public static Builder builder(StructType struct) {
    return new Builder(struct);
  }

  private static String names(StructType struct) {
    return struct.fields().stream().map(NestedField::name).toList().toString();
  }

  /** The struct whose fields this record holds. */
  public StructType struct() {
    return struct;
  }

  /** The number of fields. */
  public int size() {
    return values.length;
  }

  /** The value at a position. */
  public Object get(int position) {
    return values[position];
  }

  /**
   * The value of the named field.
   *
   * @throws InvalidArgumentException when there is no such field
   */
  public Object get(String name) {
    int i = struct.indexOf(name);
    if (i < 0) {
      throw new InvalidArgumentException("no field '" + name + "' in record " + names(struct));
    }
    return values[i];
  }

  /** The named value cast to a type, e.g. {@code get("id", Long.class)}. */
  public <T> T get(String name, Class<T> type) {
    return type.cast(get(name));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Record other && struct.equals(other.struct) && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(struct.fields().get(i).name()).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }

  /** Sets values by field name, then builds a checked record. Not thread-safe. */
  public static final class Builder {
    private final StructType struct;
    private final Object[] values;

    private Builder(StructType struct) {
      this.struct = struct;
      this.values = new Object[struct.fields().size()];
    }

    /**
     * Sets a field's value.
     *
     * @throws InvalidArgumentException when there is no such field
     */
    public Builder set(String name, Object value) {
      int i = struct.indexOf(name);
      if (i < 0) {
        throw new InvalidArgumentException("no field '" + name + "' in " + names(struct));
      }
      values[i] = value;
      return this;
    }

    /** The record; every value is checked against its field. */
    public Record build() {
      return Record.of(struct, values);
    }
  }
}

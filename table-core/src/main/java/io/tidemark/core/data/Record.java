package io.tidemark.core.data;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row: the values of a struct's fields, in field order. Values use the Java classes listed
 * by {@link io.tidemark.spec.types.PrimitiveType} and {@link ValueChecker}: nested structs are
 * records, lists are {@link java.util.List}, maps are {@link java.util.Map}.
 *
 * <p>Make one with {@link #of(Schema, Object...)} or {@link #builder(Schema)}; both check every
 * value against the schema and fail with a {@link SchemaMismatchException} naming the field.
 * Such records are immutable. To write many rows without making a record for each, fill one
 * {@link #reusable(Schema) reusable record} per row with its typed setters and hand it to the
 * writer after each row.
 *
 * <p>Read values with {@link #get(int)} or, without casts, with the typed accessors
 * ({@link #getLong(int)}, {@link #getInstant(int)}, …), which fail with a
 * {@link SchemaMismatchException} when the field is of another type, and the ones returning a
 * primitive with an {@link InvalidArgumentException} when the value is null ({@link #isNull}).
 */
public sealed class Record permits ReusableRecord {
  /** Marks a value held in {@link #bits} (reusable records only). */
  static final Object IN_BITS = new Object();

  final StructType struct;
  final Object[] values;
  /**
   * Primitive values held unboxed, where {@link #values} holds {@link #IN_BITS}: booleans as 0/1,
   * floats and doubles as their raw bits, timestamps as microseconds. Null unless the record is
   * a reusable one or a copy of one.
   */
  final long[] bits;

  Record(StructType struct, Object[] values, long[] bits) {
    this.struct = struct;
    this.values = values;
    this.bits = bits;
  }

  /** A record of a schema's columns, values in column order; values are checked. */
  public static Record of(Schema schema, Object... values) {
    return of(schema.asStruct(), values);
  }

  /**
   * A record of a struct's fields, values in field order; values are checked. A timestamp may be
   * given as an {@link java.time.Instant} or as a {@code Long} of microseconds since 1970 (a
   * timestamp_ntz as a {@link java.time.LocalDateTime} or likewise), see {@link Micros}.
   */
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
    return new Record(struct, copy, null);
  }

  /**
   * A record whose values were checked already (by a reader decoding a file of this schema).
   * Not for application code: the array is kept, not copied.
   */
  public static Record trusted(StructType struct, Object[] values) {
    return new Record(struct, values, null);
  }

  /** A builder for a record of this schema; unset columns are null. */
  public static Builder builder(Schema schema) {
    return new Builder(schema.asStruct());
  }

  /** A builder for a record of this struct; unset fields are null. */
  public static Builder builder(StructType struct) {
    return new Builder(struct);
  }

  /** A mutable record of this schema for writing, to be filled row after row (see {@link ReusableRecord}). */
  public static ReusableRecord reusable(Schema schema) {
    return new ReusableRecord(schema.asStruct());
  }

  /** A mutable record of this struct for writing, to be filled row after row (see {@link ReusableRecord}). */
  public static ReusableRecord reusable(StructType struct) {
    return new ReusableRecord(struct);
  }

  static String names(StructType struct) {
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

  /**
   * The position of the named field, to read or set it by position in a loop.
   *
   * @throws InvalidArgumentException when there is no such field
   */
  public int position(String name) {
    int i = struct.indexOf(name);
    if (i < 0) {
      throw new InvalidArgumentException("no field '" + name + "' in record " + names(struct));
    }
    return i;
  }

  /** The value at a position, in its Java class (a primitive boxed). */
  public Object get(int position) {
    Object v = values[position];
    return v == IN_BITS ? boxed(position) : v;
  }

  /**
   * The value of the named field.
   *
   * @throws InvalidArgumentException when there is no such field
   */
  public Object get(String name) {
    return get(position(name));
  }

  /** The named value cast to a type, e.g. {@code get("id", Long.class)}. */
  public <T> T get(String name, Class<T> type) {
    return type.cast(get(name));
  }

  /** Whether the value at a position is null. */
  public boolean isNull(int position) {
    return values[position] == null;
  }

  /** Whether the named value is null. */
  public boolean isNull(String name) {
    return isNull(position(name));
  }

  /** A {@code boolean} field's value. */
  public boolean getBoolean(int position) {
    Object v = primitive(position, PrimitiveType.BOOLEAN, "getBoolean");
    return v == IN_BITS ? bits[position] != 0 : (Boolean) v;
  }

  /** An {@code int} field's value. */
  public int getInt(int position) {
    Object v = primitive(position, PrimitiveType.INT, "getInt");
    return v == IN_BITS ? (int) bits[position] : (Integer) v;
  }

  /** A {@code long} field's value. */
  public long getLong(int position) {
    Object v = primitive(position, PrimitiveType.LONG, "getLong");
    return v == IN_BITS ? bits[position] : (Long) v;
  }

  /** A {@code float} field's value. */
  public float getFloat(int position) {
    Object v = primitive(position, PrimitiveType.FLOAT, "getFloat");
    return v == IN_BITS ? Float.intBitsToFloat((int) bits[position]) : (Float) v;
  }

  /** A {@code double} field's value. */
  public double getDouble(int position) {
    Object v = primitive(position, PrimitiveType.DOUBLE, "getDouble");
    return v == IN_BITS ? Double.longBitsToDouble(bits[position]) : (Double) v;
  }

  /**
   * A {@code timestamp} or {@code timestamp_ntz} field's value in microseconds since 1970 (see
   * {@link Micros}).
   *
   * @throws InvalidArgumentException also when the value is beyond the microseconds a long holds
   */
  public long getTimestampMicros(int position) {
    Type type = struct.fields().get(position).type();
    if (type != PrimitiveType.TIMESTAMP && type != PrimitiveType.TIMESTAMP_NTZ) {
      throw wrongType(position, "timestamp or timestamp_ntz", "getTimestampMicros");
    }
    Object v = nonNull(position);
    if (v == IN_BITS) {
      return bits[position];
    }
    return v instanceof Instant i ? Micros.of(i) : Micros.of((LocalDateTime) v);
  }

  /** A {@code timestamp} field's value, or null. */
  public Instant getInstant(int position) {
    return (Instant) object(position, PrimitiveType.TIMESTAMP, "getInstant");
  }

  /** A {@code timestamp_ntz} field's value, or null. */
  public LocalDateTime getLocalDateTime(int position) {
    return (LocalDateTime) object(position, PrimitiveType.TIMESTAMP_NTZ, "getLocalDateTime");
  }

  /** A {@code date} field's value, or null. */
  public LocalDate getDate(int position) {
    return (LocalDate) object(position, PrimitiveType.DATE, "getDate");
  }

  /** A {@code string} field's value, or null. */
  public String getString(int position) {
    return (String) object(position, PrimitiveType.STRING, "getString");
  }

  /** A {@code binary} field's value (a read-only buffer), or null. */
  public ByteBuffer getBinary(int position) {
    return (ByteBuffer) object(position, PrimitiveType.BINARY, "getBinary");
  }

  /** A {@code decimal} field's value (at the type's scale), or null. */
  public BigDecimal getDecimal(int position) {
    if (!(struct.fields().get(position).type() instanceof DecimalType)) {
      throw wrongType(position, "decimal", "getDecimal");
    }
    return (BigDecimal) values[position];
  }

  /** A {@code struct} field's value, or null. */
  public Record getRecord(int position) {
    if (!(struct.fields().get(position).type() instanceof StructType)) {
      throw wrongType(position, "struct", "getRecord");
    }
    return (Record) values[position];
  }

  /** A {@code list} field's value (unmodifiable), or null. */
  @SuppressWarnings("unchecked")
  public List<Object> getList(int position) {
    if (!(struct.fields().get(position).type() instanceof ListType)) {
      throw wrongType(position, "list", "getList");
    }
    return (List<Object>) values[position];
  }

  /** A {@code map} field's value (unmodifiable), or null. */
  @SuppressWarnings("unchecked")
  public Map<Object, Object> getMap(int position) {
    if (!(struct.fields().get(position).type() instanceof MapType)) {
      throw wrongType(position, "map", "getMap");
    }
    return (Map<Object, Object>) values[position];
  }

  /** The named {@code boolean} field's value; see {@link #getBoolean(int)}. */
  public boolean getBoolean(String name) {
    return getBoolean(position(name));
  }

  /** The named {@code int} field's value; see {@link #getInt(int)}. */
  public int getInt(String name) {
    return getInt(position(name));
  }

  /** The named {@code long} field's value; see {@link #getLong(int)}. */
  public long getLong(String name) {
    return getLong(position(name));
  }

  /** The named {@code float} field's value; see {@link #getFloat(int)}. */
  public float getFloat(String name) {
    return getFloat(position(name));
  }

  /** The named {@code double} field's value; see {@link #getDouble(int)}. */
  public double getDouble(String name) {
    return getDouble(position(name));
  }

  /** The named timestamp's microseconds; see {@link #getTimestampMicros(int)}. */
  public long getTimestampMicros(String name) {
    return getTimestampMicros(position(name));
  }

  /** The named {@code timestamp} field's value, or null. */
  public Instant getInstant(String name) {
    return getInstant(position(name));
  }

  /** The named {@code timestamp_ntz} field's value, or null. */
  public LocalDateTime getLocalDateTime(String name) {
    return getLocalDateTime(position(name));
  }

  /** The named {@code date} field's value, or null. */
  public LocalDate getDate(String name) {
    return getDate(position(name));
  }

  /** The named {@code string} field's value, or null. */
  public String getString(String name) {
    return getString(position(name));
  }

  /** The named {@code binary} field's value, or null. */
  public ByteBuffer getBinary(String name) {
    return getBinary(position(name));
  }

  /** The named {@code decimal} field's value, or null. */
  public BigDecimal getDecimal(String name) {
    return getDecimal(position(name));
  }

  /** The named {@code struct} field's value, or null. */
  public Record getRecord(String name) {
    return getRecord(position(name));
  }

  /** The named {@code list} field's value, or null. */
  public List<Object> getList(String name) {
    return getList(position(name));
  }

  /** The named {@code map} field's value, or null. */
  public Map<Object, Object> getMap(String name) {
    return getMap(position(name));
  }

  /**
   * An immutable record with this record's current values: this record itself unless it is a
   * {@link ReusableRecord}. Whoever keeps a record beyond the call it was handed to (a writer that
   * holds rows, an engine that buffers them) keeps this instead.
   */
  public Record toImmutable() {
    return this;
  }

  /** The value of a non-null field of this primitive type, possibly {@link #IN_BITS}. */
  private Object primitive(int position, PrimitiveType type, String accessor) {
    if (struct.fields().get(position).type() != type) {
      throw wrongType(position, type.toString(), accessor);
    }
    return nonNull(position);
  }

  private Object nonNull(int position) {
    Object v = values[position];
    if (v == null) {
      throw new InvalidArgumentException("field '" + struct.fields().get(position).name()
          + "' is null; test isNull first or read it with get");
    }
    return v;
  }

  /** The value (boxed) of a field of this type, or null. */
  private Object object(int position, PrimitiveType type, String accessor) {
    if (struct.fields().get(position).type() != type) {
      throw wrongType(position, type.toString(), accessor);
    }
    return get(position);
  }

  private SchemaMismatchException wrongType(int position, String expected, String accessor) {
    NestedField f = struct.fields().get(position);
    return new SchemaMismatchException(f.name(), "a " + expected + " field for " + accessor, "a field of type " + f.type());
  }

  /** A value held in {@link #bits}, in its Java class. */
  private Object boxed(int position) {
    long b = bits[position];
    PrimitiveType type = (PrimitiveType) struct.fields().get(position).type();
    return switch (type) {
      case BOOLEAN -> b != 0;
      case INT -> (int) b;
      case LONG -> b;
      case FLOAT -> Float.intBitsToFloat((int) b);
      case DOUBLE -> Double.longBitsToDouble(b);
      case TIMESTAMP -> Micros.toInstant(b);
      case TIMESTAMP_NTZ -> Micros.toLocalDateTime(b);
      default -> throw new IllegalStateException("no unboxed values of type " + type);
    };
  }

  /** Records are equal when their structs and values are, reusable or not. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Record other) || !struct.equals(other.struct)) {
      return false;
    }
    if (bits == null && other.bits == null) {
      return Arrays.equals(values, other.values);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Objects.equals(get(i), other.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    if (bits == null) {
      return Arrays.hashCode(values);
    }
    int h = 1;
    for (int i = 0; i < values.length; i++) {
      h = 31 * h + Objects.hashCode(get(i));
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(struct.fields().get(i).name()).append('=').append(get(i));
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

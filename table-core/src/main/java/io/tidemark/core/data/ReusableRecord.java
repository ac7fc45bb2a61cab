package io.tidemark.core.data;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.time.Instant;
import java.util.Arrays;

/**
 * A mutable record for writing many rows: fill it with the setters, hand it to a writer, fill it
 * again for the next row. Each value is checked once, when it is set; writers take the record
 * as it is, without checking or copying it again, and a writer that keeps rows for later keeps
 * an immutable copy ({@link #toImmutable()}), so overwriting the record never changes a row
 * already written. Values stay set from row to row until set again, set to null or
 * {@link #clear() cleared}; a writer refuses the record while a required field has not been set
 * since it was made or cleared.
 *
 * <p>Primitive values ({@code boolean}, {@code int}, {@code long}, {@code float},
 * {@code double}, and timestamps set as microseconds) are held unboxed: setting them allocates
 * nothing, and writers read them unboxed. {@link #get(int)} boxes them.
 *
 * <pre>{@code
 * ReusableRecord row = Record.reusable(table.schema());
 * int id = row.position("id"), ts = row.position("ts"), name = row.position("name");
 * try (AppendWriter w = table.newAppend()) {
 *   for (...) {
 *     row.setLong(id, ids[i]).setTimestampMicros(ts, micros[i]).setString(name, names[i]);
 *     w.write(row);
 *   }
 *   w.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; a record must not be changed while a writer is writing it.
 */
public final class ReusableRecord extends Record {
  private final Type[] types;
  private final boolean[] required;
  /** Whether a field was set since the record was made or cleared. */
  private final boolean[] assigned;
  private final int requiredCount;
  /** Required fields not set since the record was made or cleared. */
  private int missing;

  ReusableRecord(StructType struct) {
    super(struct, new Object[struct.fields().size()], new long[struct.fields().size()]);
    int n = values.length;
    this.types = new Type[n];
    this.required = new boolean[n];
    this.assigned = new boolean[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      NestedField f = struct.fields().get(i);
      types[i] = f.type();
      required[i] = f.required();
      if (f.required()) {
        count++;
      }
    }
    this.requiredCount = count;
    this.missing = count;
  }

  /**
   * Sets a value of the field's Java class (as {@link Record#of} takes it), checked and stored
   * as a record holds it.
   *
   * @throws SchemaMismatchException when the value does not fit the field (null for a required
   *     one included)
   */
  public ReusableRecord set(int position, Object value) {
    NestedField f = struct.fields().get(position);
    values[position] = ValueChecker.check(f.name(), f.type(), f.required(), value);
    assigned(position);
    return this;
  }

  /**
   * Sets the named field; see {@link #set(int, Object)}.
   *
   * @throws InvalidArgumentException when there is no such field
   */
  public ReusableRecord set(String name, Object value) {
    return set(position(name), value);
  }

  /**
   * Sets a field to null.
   *
   * @throws SchemaMismatchException when the field is required
   */
  public ReusableRecord setNull(int position) {
    if (required[position]) {
      NestedField f = struct.fields().get(position);
      throw new SchemaMismatchException(f.name(), "a non-null " + f.type(), "null");
    }
    values[position] = null;
    assigned(position);
    return this;
  }

  /** Sets a {@code boolean} field. */
  public ReusableRecord setBoolean(int position, boolean value) {
    return setBits(position, PrimitiveType.BOOLEAN, "setBoolean", value ? 1 : 0);
  }

  /** Sets an {@code int} field. */
  public ReusableRecord setInt(int position, int value) {
    return setBits(position, PrimitiveType.INT, "setInt", value);
  }

  /** Sets a {@code long} field. */
  public ReusableRecord setLong(int position, long value) {
    return setBits(position, PrimitiveType.LONG, "setLong", value);
  }

  /** Sets a {@code float} field. */
  public ReusableRecord setFloat(int position, float value) {
    return setBits(position, PrimitiveType.FLOAT, "setFloat", Float.floatToRawIntBits(value));
  }

  /** Sets a {@code double} field. */
  public ReusableRecord setDouble(int position, double value) {
    return setBits(position, PrimitiveType.DOUBLE, "setDouble", Double.doubleToRawLongBits(value));
  }

  /**
   * Sets a {@code timestamp} or {@code timestamp_ntz} field to microseconds since 1970 (see
   * {@link Micros}), the form data files store.
   */
  public ReusableRecord setTimestampMicros(int position, long micros) {
    Type type = types[position];
    if (type != PrimitiveType.TIMESTAMP && type != PrimitiveType.TIMESTAMP_NTZ) {
      throw wrongSetter(position, "timestamp or timestamp_ntz", "setTimestampMicros");
    }
    bits[position] = micros;
    values[position] = IN_BITS;
    assigned(position);
    return this;
  }

  /** Sets a {@code timestamp} field; null sets it to null. */
  public ReusableRecord setTimestamp(int position, Instant value) {
    return setObject(position, PrimitiveType.TIMESTAMP, "setTimestamp", value);
  }

  /** Sets a {@code string} field; null sets it to null. */
  public ReusableRecord setString(int position, String value) {
    return setObject(position, PrimitiveType.STRING, "setString", value);
  }

  /** Makes every field null and not set, as a new record is. */
  public ReusableRecord clear() {
    Arrays.fill(values, null);
    Arrays.fill(assigned, false);
    missing = requiredCount;
    return this;
  }

  /**
   * Checks that every required field has been set since the record was made or cleared; writers
   * call it for each row.
   *
   * @throws SchemaMismatchException naming the first required field not set
   */
  public void checkComplete() {
    if (missing == 0) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      if (required[i] && !assigned[i]) {
        NestedField f = struct.fields().get(i);
        throw new SchemaMismatchException(f.name(), "a non-null " + f.type(), "a field not set in a reusable record");
      }
    }
  }

  /**
   * An immutable record of the current values. It keeps primitives unboxed as this record does,
   * so a copy costs two array copies.
   *
   * @throws SchemaMismatchException when a required field is not set
   */
  @Override
  public Record toImmutable() {
    checkComplete();
    return new Record(struct, values.clone(), bits.clone());
  }

  private ReusableRecord setBits(int position, PrimitiveType type, String setter, long value) {
    if (types[position] != type) {
      throw wrongSetter(position, type.toString(), setter);
    }
    bits[position] = value;
    values[position] = IN_BITS;
    assigned(position);
    return this;
  }

  private ReusableRecord setObject(int position, PrimitiveType type, String setter, Object value) {
    if (types[position] != type) {
      throw wrongSetter(position, type.toString(), setter);
    }
    if (value == null) {
      return setNull(position);
    }
    values[position] = value;
    assigned(position);
    return this;
  }

  private void assigned(int position) {
    if (!assigned[position]) {
      assigned[position] = true;
      if (required[position]) {
        missing--;
      }
    }
  }

  private SchemaMismatchException wrongSetter(int position, String expected, String setter) {
    NestedField f = struct.fields().get(position);
    return new SchemaMismatchException(f.name(), "a " + expected + " field for " + setter,
        "a field of type " + f.type());
  }
}

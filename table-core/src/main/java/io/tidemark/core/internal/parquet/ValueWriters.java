package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Micros;
import io.tidemark.core.data.Record;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * The tree of writers that turns records into Parquet record-consumer calls. For every primitive
 * column not inside a list or a map it counts what the file's column statistics need beyond the
 * statistics Parquet keeps itself (see {@link FooterStats}): nulls, and for floating-point
 * columns NaN and the zeros written. Built once per schema; {@link Root#stats} and
 * {@link Root#resetStats()} between files.
 */
final class ValueWriters {
  private ValueWriters() {}

  /** Builds the writers of a schema's top-level struct. */
  static Root root(StructType schema) {
    Builder builder = new Builder();
    return new Root(builder.fields(schema, "", true), builder.tracked);
  }

  /**
   * Builds the tree depth first, in the order of the Parquet schema's leaves (see
   * {@link ParquetSchemas}), so each leaf knows its column's position in a row group.
   */
  private static final class Builder {
    private final List<Leaf> tracked = new ArrayList<>();
    private int nextColumn;

    Fields fields(StructType struct, String path, boolean track) {
      List<NestedField> fs = struct.fields();
      String[] names = new String[fs.size()];
      ValueWriter[] writers = new ValueWriter[fs.size()];
      for (int i = 0; i < names.length; i++) {
        NestedField f = fs.get(i);
        names[i] = f.name();
        writers[i] = writer(f.id(), path + f.name(), f.type(), track);
      }
      return new Fields(names, writers);
    }

    private ValueWriter writer(int id, String path, Type type, boolean track) {
      if (type instanceof StructType s) {
        return new StructWriter(fields(s, path + ".", track));
      } else if (type instanceof ListType l) {
        return new ListWriter(writer(l.elementId(), path + ".element", l.elementType(), false));
      } else if (type instanceof MapType m) {
        ValueWriter key = writer(m.keyId(), path + ".key", m.keyType(), false);
        return new MapWriter(key, writer(m.valueId(), path + ".value", m.valueType(), false));
      }
      Leaf leaf = leaf(new Column(id, path, type, nextColumn++), track);
      if (track) {
        tracked.add(leaf);
      }
      return leaf;
    }
  }

  private static Leaf leaf(Column column, boolean track) {
    if (column.type() instanceof DecimalType d) {
      if (d.precision() <= 9) {
        return new DecimalIntWriter(column, track);
      } else if (d.precision() <= 18) {
        return new DecimalLongWriter(column, track);
      }
      return new DecimalFixedWriter(column, track, ParquetSchemas.decimalBytes(d.precision()));
    }
    switch ((PrimitiveType) column.type()) {
      case BOOLEAN:
        return new BooleanWriter(column, track);
      case INT:
        return new IntWriter(column, track);
      case LONG:
        return new LongWriter(column, track);
      case FLOAT:
        return new FloatWriter(column, track);
      case DOUBLE:
        return new DoubleWriter(column, track);
      case DATE:
        return new DateWriter(column, track);
      case TIMESTAMP:
        return new TimestampWriter(column, track);
      case TIMESTAMP_NTZ:
        return new TimestampNtzWriter(column, track);
      case STRING:
        return new StringWriter(column, track);
      case BINARY:
        return new BinaryWriter(column, track);
      default:
        throw new IllegalStateException("unhandled type " + column.type());
    }
  }

  /**
   * A primitive column of the schema.
   *
   * @param id the field id
   * @param path the names from the top-level column down, joined by dots ({@code element},
   *     {@code key} and {@code value} for members of lists and maps); for a column not inside a
   *     list or a map, the path of its Parquet column
   * @param type a primitive or decimal type
   * @param index the position of the column among the Parquet schema's leaves
   */
  record Column(int id, String path, Type type, int index) {}

  /** Microseconds since the epoch (see {@link Micros}); the error names the field. */
  static long micros(Instant instant, String path) {
    try {
      return Micros.of(instant);
    } catch (InvalidArgumentException e) {
      throw outOfRange(instant, path, e);
    }
  }

  /** Microseconds since 1970-01-01T00:00 (see {@link Micros}); the error names the field. */
  static long micros(LocalDateTime dateTime, String path) {
    try {
      return Micros.of(dateTime);
    } catch (InvalidArgumentException e) {
      throw outOfRange(dateTime, path, e);
    }
  }

  private static InvalidArgumentException outOfRange(Object value, String path, Exception cause) {
    return new InvalidArgumentException("timestamp " + value + " of field '" + path
        + "' is outside the range of microseconds a data file can hold", cause);
  }

  /** The big-endian two's complement form of an unscaled decimal, sign-extended to {@code length} bytes. */
  static byte[] fixedBytes(BigInteger unscaled, int length, String path) {
    byte[] minimal = unscaled.toByteArray();
    if (minimal.length == length) {
      return minimal;
    }
    if (minimal.length > length) {
      throw new InvalidArgumentException("decimal of field '" + path + "' does not fit in " + length + " bytes");
    }
    byte[] out = new byte[length];
    byte pad = unscaled.signum() < 0 ? (byte) 0xFF : 0;
    int padding = length - minimal.length;
    for (int i = 0; i < padding; i++) {
      out[i] = pad;
    }
    System.arraycopy(minimal, 0, out, padding, minimal.length);
    return out;
  }

  /** Writes one non-null value of a field whose record-consumer field has been started. */
  abstract static class ValueWriter {
    abstract void write(RecordConsumer rc, Object value);

    /** The field is null in this record (nothing is written). */
    abstract void writeNull();
  }

  /**
   * The fields of a struct in order. Writing dispatches on a precomputed kind to the final
   * writer classes rather than through a virtual call, so the JIT can inline each column's
   * record-consumer calls into the loop.
   */
  static final class Fields {
    private static final byte OTHER = 0;
    private static final byte BOOLEAN = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte FLOAT = 4;
    private static final byte DOUBLE = 5;
    private static final byte DATE = 6;
    private static final byte TIMESTAMP = 7;
    private static final byte TIMESTAMP_NTZ = 8;
    private static final byte STRING = 9;
    private static final byte BINARY = 10;
    private static final byte DECIMAL_INT = 11;
    private static final byte DECIMAL_LONG = 12;
    private static final byte STRUCT = 13;

    private final String[] names;
    private final ValueWriter[] writers;
    private final byte[] kinds;

    Fields(String[] names, ValueWriter[] writers) {
      this.names = names;
      this.writers = writers;
      this.kinds = new byte[writers.length];
      for (int i = 0; i < writers.length; i++) {
        kinds[i] = kindOf(writers[i]);
      }
    }

    private static byte kindOf(ValueWriter w) {
      if (w instanceof BooleanWriter) {
        return BOOLEAN;
      } else if (w instanceof IntWriter) {
        return INT;
      } else if (w instanceof LongWriter) {
        return LONG;
      } else if (w instanceof FloatWriter) {
        return FLOAT;
      } else if (w instanceof DoubleWriter) {
        return DOUBLE;
      } else if (w instanceof DateWriter) {
        return DATE;
      } else if (w instanceof TimestampWriter) {
        return TIMESTAMP;
      } else if (w instanceof TimestampNtzWriter) {
        return TIMESTAMP_NTZ;
      } else if (w instanceof StringWriter) {
        return STRING;
      } else if (w instanceof BinaryWriter) {
        return BINARY;
      } else if (w instanceof DecimalIntWriter) {
        return DECIMAL_INT;
      } else if (w instanceof DecimalLongWriter) {
        return DECIMAL_LONG;
      } else if (w instanceof StructWriter) {
        return STRUCT;
      }
      return OTHER;
    }

    void write(RecordConsumer rc, Record record) {
      ValueWriter[] ws = writers;
      byte[] ks = kinds;
      for (int i = 0; i < ws.length; i++) {
        ValueWriter w = ws[i];
        if (record.isNull(i)) {
          w.writeNull();
          continue;
        }
        String name = names[i];
        rc.startField(name, i);
        // primitives through the typed accessors: a reusable record holds them unboxed
        switch (ks[i]) {
          case BOOLEAN:
            rc.addBoolean(record.getBoolean(i));
            break;
          case INT:
            rc.addInteger(record.getInt(i));
            break;
          case LONG:
            rc.addLong(record.getLong(i));
            break;
          case FLOAT:
            ((FloatWriter) w).write(rc, record.getFloat(i));
            break;
          case DOUBLE:
            ((DoubleWriter) w).write(rc, record.getDouble(i));
            break;
          case DATE:
            ((DateWriter) w).write(rc, record.get(i));
            break;
          case TIMESTAMP:
          case TIMESTAMP_NTZ:
            rc.addLong(timestampMicros(record, i, w));
            break;
          case STRING:
            ((StringWriter) w).write(rc, record.get(i));
            break;
          case BINARY:
            ((BinaryWriter) w).write(rc, record.get(i));
            break;
          case DECIMAL_INT:
            ((DecimalIntWriter) w).write(rc, record.get(i));
            break;
          case DECIMAL_LONG:
            ((DecimalLongWriter) w).write(rc, record.get(i));
            break;
          case STRUCT:
            ((StructWriter) w).write(rc, record.get(i));
            break;
          default:
            w.write(rc, record.get(i));
            break;
        }
        rc.endField(name, i);
      }
    }

    /** A timestamp's microseconds; the error of one out of their range names the column. */
    private static long timestampMicros(Record record, int i, ValueWriter w) {
      try {
        return record.getTimestampMicros(i);
      } catch (InvalidArgumentException e) {
        throw outOfRange(record.get(i), ((Leaf) w).path, e);
      }
    }

    void writeNull() {
      for (ValueWriter w : writers) {
        w.writeNull();
      }
    }
  }

  /** The top-level record and the counts of its tracked columns. */
  static final class Root {
    private final Fields fields;
    private final Leaf[] tracked;

    Root(Fields fields, List<Leaf> tracked) {
      this.fields = fields;
      this.tracked = tracked.toArray(new Leaf[0]);
    }

    void write(RecordConsumer rc, Record record) {
      rc.startMessage();
      fields.write(rc, record);
      rc.endMessage();
    }

    /**
     * The statistics of the file just written, of the records written since the last reset,
     * keyed by field id in schema order.
     *
     * @param footer the file's footer, as the Parquet writer holds it once closed
     * @param location the file's location, for log messages
     */
    Map<Integer, ColumnStats> stats(ParquetMetadata footer, String location) {
      return FooterStats.of(tracked, footer, location);
    }

    void resetStats() {
      for (Leaf leaf : tracked) {
        leaf.reset();
      }
    }
  }

  static final class StructWriter extends ValueWriter {
    private final Fields fields;

    StructWriter(Fields fields) {
      this.fields = fields;
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.startGroup();
      fields.write(rc, (Record) value);
      rc.endGroup();
    }

    @Override
    void writeNull() {
      // A null struct is a null for each member.
      fields.writeNull();
    }
  }

  static final class ListWriter extends ValueWriter {
    private final ValueWriter element;

    ListWriter(ValueWriter element) {
      this.element = element;
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      List<?> list = (List<?>) value;
      rc.startGroup();
      int size = list.size();
      if (size > 0) {
        rc.startField(ParquetSchemas.LIST_REPEATED, 0);
        if (list instanceof RandomAccess) {
          for (int i = 0; i < size; i++) {
            writeElement(rc, list.get(i));
          }
        } else {
          for (Object e : list) {
            writeElement(rc, e);
          }
        }
        rc.endField(ParquetSchemas.LIST_REPEATED, 0);
      }
      rc.endGroup();
    }

    private void writeElement(RecordConsumer rc, Object e) {
      rc.startGroup();
      if (e != null) {
        rc.startField(ParquetSchemas.LIST_ELEMENT, 0);
        element.write(rc, e);
        rc.endField(ParquetSchemas.LIST_ELEMENT, 0);
      }
      rc.endGroup();
    }

    @Override
    void writeNull() {}
  }

  static final class MapWriter extends ValueWriter {
    private final ValueWriter key;
    private final ValueWriter value;

    MapWriter(ValueWriter key, ValueWriter value) {
      this.key = key;
      this.value = value;
    }

    @Override
    void write(RecordConsumer rc, Object map) {
      Map<?, ?> m = (Map<?, ?>) map;
      rc.startGroup();
      if (!m.isEmpty()) {
        rc.startField(ParquetSchemas.MAP_REPEATED, 0);
        for (Map.Entry<?, ?> e : m.entrySet()) {
          rc.startGroup();
          rc.startField(ParquetSchemas.MAP_KEY, 0);
          key.write(rc, e.getKey());
          rc.endField(ParquetSchemas.MAP_KEY, 0);
          Object v = e.getValue();
          if (v != null) {
            rc.startField(ParquetSchemas.MAP_VALUE, 1);
            value.write(rc, v);
            rc.endField(ParquetSchemas.MAP_VALUE, 1);
          }
          rc.endGroup();
        }
        rc.endField(ParquetSchemas.MAP_REPEATED, 0);
      }
      rc.endGroup();
    }

    @Override
    void writeNull() {}
  }


  /**
   * A primitive column. Every leaf counts its nulls; when {@code track} is set (the column is not
   * inside a list or a map) that count goes into the file's statistics.
   */
  abstract static class Leaf extends ValueWriter {
    final Column column;
    final String path;
    final boolean track;
    long nullCount;

    Leaf(Column column, boolean track) {
      this.column = column;
      this.path = column.path();
      this.track = track;
    }

    @Override
    final void writeNull() {
      nullCount++;
    }

    /** Forgets the counts, for the next file. */
    void reset() {
      nullCount = 0;
    }
  }

  /**
   * A float or double column: Parquet keeps NaN out of its bounds and widens a zero bound to
   * -0.0 (lower) or +0.0 (upper) whichever zero was written, so the writer counts NaN and notes
   * the zeros for {@link FooterStats} to give the bounds the signs of the values written.
   */
  abstract static class FloatingLeaf extends Leaf {
    long nanCount;
    boolean negativeZero;
    boolean positiveZero;

    FloatingLeaf(Column column, boolean track) {
      super(column, track);
    }

    @Override
    final void reset() {
      super.reset();
      nanCount = 0;
      negativeZero = false;
      positiveZero = false;
    }
  }

  static final class BooleanWriter extends Leaf {
    BooleanWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addBoolean((Boolean) value);
    }
  }

  static final class IntWriter extends Leaf {
    IntWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addInteger((Integer) value);
    }
  }

  static final class DateWriter extends Leaf {
    DateWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      // LocalDate spans about ±3.65e11 days; a data file holds an int.
      long day = ((LocalDate) value).toEpochDay();
      int v = (int) day;
      if (v != day) {
        throw new InvalidArgumentException("date " + value + " of field '" + path
            + "' is outside the range of days a data file can hold");
      }
      rc.addInteger(v);
    }
  }

  static final class DecimalIntWriter extends Leaf {
    DecimalIntWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addInteger(((BigDecimal) value).unscaledValue().intValue());
    }
  }

  static final class LongWriter extends Leaf {
    LongWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addLong((Long) value);
    }
  }

  static final class TimestampWriter extends Leaf {
    TimestampWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addLong(micros((Instant) value, path));
    }
  }

  static final class TimestampNtzWriter extends Leaf {
    TimestampNtzWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addLong(micros((LocalDateTime) value, path));
    }
  }

  static final class DecimalLongWriter extends Leaf {
    DecimalLongWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addLong(((BigDecimal) value).unscaledValue().longValue());
    }
  }

  static final class FloatWriter extends FloatingLeaf {
    FloatWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      write(rc, (float) (Float) value);
    }

    void write(RecordConsumer rc, float v) {
      rc.addFloat(v);
      if (track) {
        if (Float.isNaN(v)) {
          nanCount++;
        } else if (v == 0) {
          if (Float.floatToRawIntBits(v) == 0) {
            positiveZero = true;
          } else {
            negativeZero = true;
          }
        }
      }
    }
  }

  static final class DoubleWriter extends FloatingLeaf {
    DoubleWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      write(rc, (double) (Double) value);
    }

    void write(RecordConsumer rc, double v) {
      rc.addDouble(v);
      if (track) {
        if (Double.isNaN(v)) {
          nanCount++;
        } else if (v == 0) {
          if (Double.doubleToRawLongBits(v) == 0) {
            positiveZero = true;
          } else {
            negativeZero = true;
          }
        }
      }
    }
  }

  static final class DecimalFixedWriter extends Leaf {
    private final int length;

    DecimalFixedWriter(Column column, boolean track, int length) {
      super(column, track);
      this.length = length;
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      BigDecimal v = (BigDecimal) value;
      rc.addBinary(Binary.fromConstantByteArray(fixedBytes(v.unscaledValue(), length, path)));
    }
  }

  /**
   * Strings as their UTF-8 bytes in a byte array: Parquet's dictionary and statistics hash and
   * compare an array-backed Binary much faster than the buffer-backed one {@link Binary#fromString}
   * makes. A lone surrogate, which UTF-8 cannot hold, is written as '?' either way.
   */
  static final class StringWriter extends Leaf {
    StringWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      rc.addBinary(Binary.fromConstantByteArray(((String) value).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * Binaries copied into a byte array. Records hold read-only buffers, which have no accessible
   * array: a Binary over one hashes and compares byte by byte through the buffer, and parquet
   * 1.18's equality of two such Binaries ignores the position of one of them.
   */
  static final class BinaryWriter extends Leaf {
    BinaryWriter(Column column, boolean track) {
      super(column, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      ByteBuffer v = (ByteBuffer) value;
      byte[] bytes = new byte[v.remaining()];
      v.get(v.position(), bytes);
      rc.addBinary(Binary.fromConstantByteArray(bytes));
    }
  }
}

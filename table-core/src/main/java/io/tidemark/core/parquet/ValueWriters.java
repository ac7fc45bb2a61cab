package io.tidemark.core.parquet;

import io.tidemark.core.data.Record;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * The tree of writers that turns records into Parquet record-consumer calls and, for every
 * primitive column not inside a list or a map, keeps the file's column statistics as it goes.
 * Built once per schema; {@link Root#stats()} and {@link Root#resetStats()} between files.
 */
final class ValueWriters {
  private ValueWriters() {}

  /** Builds the writers of a schema's top-level struct. */
  static Root root(StructType schema) {
    List<Leaf> tracked = new ArrayList<>();
    return new Root(fields(schema, "", true, tracked), tracked);
  }

  private static Fields fields(StructType struct, String path, boolean track, List<Leaf> tracked) {
    List<NestedField> fs = struct.fields();
    String[] names = new String[fs.size()];
    ValueWriter[] writers = new ValueWriter[fs.size()];
    for (int i = 0; i < names.length; i++) {
      NestedField f = fs.get(i);
      names[i] = f.name();
      writers[i] = writer(f.id(), path + f.name(), f.type(), track, tracked);
    }
    return new Fields(names, writers);
  }

  private static ValueWriter writer(int id, String path, Type type, boolean track, List<Leaf> tracked) {
    if (type instanceof StructType s) {
      return new StructWriter(fields(s, path + ".", track, tracked));
    } else if (type instanceof ListType l) {
      return new ListWriter(writer(l.elementId(), path + ".element", l.elementType(), false, tracked));
    } else if (type instanceof MapType m) {
      return new MapWriter(writer(m.keyId(), path + ".key", m.keyType(), false, tracked),
          writer(m.valueId(), path + ".value", m.valueType(), false, tracked));
    }
    Leaf leaf = leaf(id, path, type, track);
    if (track) {
      tracked.add(leaf);
    }
    return leaf;
  }

  private static Leaf leaf(int id, String path, Type type, boolean track) {
    if (type instanceof DecimalType d) {
      if (d.precision() <= 9) {
        return new DecimalIntWriter(id, path, d, track);
      } else if (d.precision() <= 18) {
        return new DecimalLongWriter(id, path, d, track);
      }
      return new DecimalFixedWriter(id, path, d, track, ParquetSchemas.decimalBytes(d.precision()));
    }
    switch ((PrimitiveType) type) {
      case BOOLEAN:
        return new BooleanWriter(id, path, track);
      case INT:
        return new IntWriter(id, path, track);
      case LONG:
        return new LongWriter(id, path, track);
      case FLOAT:
        return new FloatWriter(id, path, track);
      case DOUBLE:
        return new DoubleWriter(id, path, track);
      case DATE:
        return new DateWriter(id, path, track);
      case TIMESTAMP:
        return new TimestampWriter(id, path, track);
      case TIMESTAMP_NTZ:
        return new TimestampNtzWriter(id, path, track);
      case STRING:
        return new StringWriter(id, path, track);
      case BINARY:
        return new BinaryWriter(id, path, track);
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  /** Microseconds since the epoch, nanoseconds beyond truncated toward negative infinity. */
  static long micros(Instant instant, String path) {
    try {
      // getNano() is 0..999,999,999, so dividing it floors.
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new InvalidArgumentException("timestamp " + instant + " of field '" + path
          + "' is outside the range of microseconds a data file can hold", e);
    }
  }

  /** Microseconds since 1970-01-01T00:00, nanoseconds beyond truncated toward negative infinity. */
  static long micros(LocalDateTime dateTime, String path) {
    try {
      return Math.addExact(Math.multiplyExact(dateTime.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
          dateTime.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new InvalidArgumentException("timestamp " + dateTime + " of field '" + path
          + "' is outside the range of microseconds a data file can hold", e);
    }
  }

  static Instant instantOfMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  static LocalDateTime localDateTimeOfMicros(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) (Math.floorMod(micros, 1_000_000L) * 1000L), ZoneOffset.UTC);
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
   * record-consumer calls and statistics update into the loop.
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
        Object value = record.get(i);
        ValueWriter w = ws[i];
        if (value == null) {
          w.writeNull();
          continue;
        }
        String name = names[i];
        rc.startField(name, i);
        switch (ks[i]) {
          case BOOLEAN:
            ((BooleanWriter) w).write(rc, value);
            break;
          case INT:
            ((IntWriter) w).write(rc, value);
            break;
          case LONG:
            ((LongWriter) w).write(rc, value);
            break;
          case FLOAT:
            ((FloatWriter) w).write(rc, value);
            break;
          case DOUBLE:
            ((DoubleWriter) w).write(rc, value);
            break;
          case DATE:
            ((DateWriter) w).write(rc, value);
            break;
          case TIMESTAMP:
            ((TimestampWriter) w).write(rc, value);
            break;
          case TIMESTAMP_NTZ:
            ((TimestampNtzWriter) w).write(rc, value);
            break;
          case STRING:
            ((StringWriter) w).write(rc, value);
            break;
          case BINARY:
            ((BinaryWriter) w).write(rc, value);
            break;
          case DECIMAL_INT:
            ((DecimalIntWriter) w).write(rc, value);
            break;
          case DECIMAL_LONG:
            ((DecimalLongWriter) w).write(rc, value);
            break;
          case STRUCT:
            ((StructWriter) w).write(rc, value);
            break;
          default:
            w.write(rc, value);
            break;
        }
        rc.endField(name, i);
      }
    }

    void writeNull() {
      for (ValueWriter w : writers) {
        w.writeNull();
      }
    }
  }

  /** The top-level record and the statistics of its tracked columns. */
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

    /** The statistics of the records written since the last reset, keyed by field id. */
    Map<Integer, ColumnStats> stats() {
      Map<Integer, ColumnStats> out = new LinkedHashMap<>();
      for (Leaf leaf : tracked) {
        out.put(leaf.id, leaf.stats());
      }
      return out;
    }

    void resetStats() {
      for (Leaf leaf : tracked) {
        leaf.nullCount = 0;
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
   * A primitive column. When {@code track} is set (the column is not inside a list or a map) it
   * keeps the null count, NaN count and bounds; each subclass does so on its own primitive form.
   */
  abstract static class Leaf extends ValueWriter {
    final int id;
    final String path;
    final boolean track;
    long nullCount;

    Leaf(int id, String path, boolean track) {
      this.id = id;
      this.path = path;
      this.track = track;
    }

    @Override
    final void writeNull() {
      nullCount++;
    }

    abstract ColumnStats stats();

    abstract void reset();
  }

  static final class BooleanWriter extends Leaf {
    private boolean seenFalse;
    private boolean seenTrue;

    BooleanWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      boolean v = (Boolean) value;
      rc.addBoolean(v);
      if (v) {
        seenTrue = true;
      } else {
        seenFalse = true;
      }
    }

    @Override
    ColumnStats stats() {
      Boolean min = seenFalse ? Boolean.FALSE : seenTrue ? Boolean.TRUE : null;
      Boolean max = seenTrue ? Boolean.TRUE : seenFalse ? Boolean.FALSE : null;
      return new ColumnStats(nullCount, null, min, max);
    }

    @Override
    void reset() {
      seenFalse = false;
      seenTrue = false;
    }
  }

  /** Bounds of an int-valued column. */
  abstract static class IntLeaf extends Leaf {
    boolean any;
    int min;
    int max;

    IntLeaf(int id, String path, boolean track) {
      super(id, path, track);
    }

    final void update(int v) {
      if (!any) {
        any = true;
        min = v;
        max = v;
      } else if (v < min) {
        min = v;
      } else if (v > max) {
        max = v;
      }
    }

    abstract Object json(int v);

    @Override
    final ColumnStats stats() {
      return any ? new ColumnStats(nullCount, null, json(min), json(max)) : new ColumnStats(nullCount, null, null, null);
    }

    @Override
    final void reset() {
      any = false;
    }
  }

  static final class IntWriter extends IntLeaf {
    IntWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      int v = (Integer) value;
      rc.addInteger(v);
      if (track) {
        update(v);
      }
    }

    @Override
    Object json(int v) {
      return JsonValues.toJson(PrimitiveType.INT, v);
    }
  }

  static final class DateWriter extends IntLeaf {
    DateWriter(int id, String path, boolean track) {
      super(id, path, track);
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
      if (track) {
        update(v);
      }
    }

    @Override
    Object json(int v) {
      return JsonValues.toJson(PrimitiveType.DATE, LocalDate.ofEpochDay(v));
    }
  }

  static final class DecimalIntWriter extends IntLeaf {
    private final DecimalType type;

    DecimalIntWriter(int id, String path, DecimalType type, boolean track) {
      super(id, path, track);
      this.type = type;
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      int v = ((BigDecimal) value).unscaledValue().intValue();
      rc.addInteger(v);
      if (track) {
        update(v);
      }
    }

    @Override
    Object json(int v) {
      return JsonValues.toJson(type, BigDecimal.valueOf(v, type.scale()));
    }
  }

  /** Bounds of a long-valued column. */
  abstract static class LongLeaf extends Leaf {
    boolean any;
    long min;
    long max;

    LongLeaf(int id, String path, boolean track) {
      super(id, path, track);
    }

    final void update(long v) {
      if (!any) {
        any = true;
        min = v;
        max = v;
      } else if (v < min) {
        min = v;
      } else if (v > max) {
        max = v;
      }
    }

    abstract Object json(long v);

    @Override
    final ColumnStats stats() {
      return any ? new ColumnStats(nullCount, null, json(min), json(max)) : new ColumnStats(nullCount, null, null, null);
    }

    @Override
    final void reset() {
      any = false;
    }
  }

  static final class LongWriter extends LongLeaf {
    LongWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      long v = (Long) value;
      rc.addLong(v);
      if (track) {
        update(v);
      }
    }

    @Override
    Object json(long v) {
      return JsonValues.toJson(PrimitiveType.LONG, v);
    }
  }

  static final class TimestampWriter extends LongLeaf {
    TimestampWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      long v = micros((Instant) value, path);
      rc.addLong(v);
      if (track) {
        update(v);
      }
    }

    @Override
    Object json(long v) {
      return JsonValues.toJson(PrimitiveType.TIMESTAMP, instantOfMicros(v));
    }
  }

  static final class TimestampNtzWriter extends LongLeaf {
    TimestampNtzWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      long v = micros((LocalDateTime) value, path);
      rc.addLong(v);
      if (track) {
        update(v);
      }
    }

    @Override
    Object json(long v) {
      return JsonValues.toJson(PrimitiveType.TIMESTAMP_NTZ, localDateTimeOfMicros(v));
    }
  }

  static final class DecimalLongWriter extends LongLeaf {
    private final DecimalType type;

    DecimalLongWriter(int id, String path, DecimalType type, boolean track) {
      super(id, path, track);
      this.type = type;
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      long v = ((BigDecimal) value).unscaledValue().longValue();
      rc.addLong(v);
      if (track) {
        update(v);
      }
    }

    @Override
    Object json(long v) {
      return JsonValues.toJson(type, BigDecimal.valueOf(v, type.scale()));
    }
  }

  static final class FloatWriter extends Leaf {
    private long nanCount;
    private boolean any;
    private float min;
    private float max;

    FloatWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      float v = (Float) value;
      rc.addFloat(v);
      if (track) {
        if (v != v) {
          nanCount++;
        } else if (!any) {
          any = true;
          min = v;
          max = v;
        } else if (Float.compare(v, min) < 0) {
          min = v;
        } else if (Float.compare(v, max) > 0) {
          max = v;
        }
      }
    }

    @Override
    ColumnStats stats() {
      return any
          ? new ColumnStats(nullCount, nanCount, JsonValues.toJson(PrimitiveType.FLOAT, min),
              JsonValues.toJson(PrimitiveType.FLOAT, max))
          : new ColumnStats(nullCount, nanCount, null, null);
    }

    @Override
    void reset() {
      nanCount = 0;
      any = false;
    }
  }

  static final class DoubleWriter extends Leaf {
    private long nanCount;
    private boolean any;
    private double min;
    private double max;

    DoubleWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      double v = (Double) value;
      rc.addDouble(v);
      if (track) {
        if (v != v) {
          nanCount++;
        } else if (!any) {
          any = true;
          min = v;
          max = v;
        } else if (Double.compare(v, min) < 0) {
          min = v;
        } else if (Double.compare(v, max) > 0) {
          max = v;
        }
      }
    }

    @Override
    ColumnStats stats() {
      return any
          ? new ColumnStats(nullCount, nanCount, JsonValues.toJson(PrimitiveType.DOUBLE, min),
              JsonValues.toJson(PrimitiveType.DOUBLE, max))
          : new ColumnStats(nullCount, nanCount, null, null);
    }

    @Override
    void reset() {
      nanCount = 0;
      any = false;
    }
  }

  static final class DecimalFixedWriter extends Leaf {
    private final DecimalType type;
    private final int length;
    private BigDecimal min;
    private BigDecimal max;

    DecimalFixedWriter(int id, String path, DecimalType type, boolean track, int length) {
      super(id, path, track);
      this.type = type;
      this.length = length;
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      BigDecimal v = (BigDecimal) value;
      rc.addBinary(Binary.fromConstantByteArray(fixedBytes(v.unscaledValue(), length, path)));
      if (track) {
        if (min == null) {
          min = v;
          max = v;
        } else if (v.compareTo(min) < 0) {
          min = v;
        } else if (v.compareTo(max) > 0) {
          max = v;
        }
      }
    }

    @Override
    ColumnStats stats() {
      return new ColumnStats(nullCount, null, JsonValues.toJson(type, min), JsonValues.toJson(type, max));
    }

    @Override
    void reset() {
      min = null;
      max = null;
    }
  }

  /**
   * Bounds of a string column in code point order. {@link String#compareTo} (fast, vectorized)
   * orders UTF-16 units, which differs from code point order only where the first difference is
   * a surrogate against a unit of E000 or above; when the bound has no unit of D800 or above that
   * cannot happen, so the fast comparison is exact. Bounds rarely change, so checking a new one
   * is cheap on the whole.
   */
  static final class StringWriter extends Leaf {
    private String min;
    private String max;
    private boolean minBelowSurrogates;
    private boolean maxBelowSurrogates;

    StringWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      String v = (String) value;
      rc.addBinary(Binary.fromString(v));
      if (track) {
        if (min == null) {
          setMin(v);
          setMax(v);
        } else if ((minBelowSurrogates ? v.compareTo(min) : ValueOrder.compareCodePoints(v, min)) < 0) {
          setMin(v);
        } else if ((maxBelowSurrogates ? v.compareTo(max) : ValueOrder.compareCodePoints(v, max)) > 0) {
          setMax(v);
        }
      }
    }

    private void setMin(String v) {
      min = v;
      minBelowSurrogates = ValueOrder.belowSurrogates(v);
    }

    private void setMax(String v) {
      max = v;
      maxBelowSurrogates = ValueOrder.belowSurrogates(v);
    }

    @Override
    ColumnStats stats() {
      if (min == null) {
        return new ColumnStats(nullCount, null, null, null);
      }
      return new ColumnStats(nullCount, null, BoundTruncation.lowerBound(min), BoundTruncation.upperBound(max));
    }

    @Override
    void reset() {
      min = null;
      max = null;
    }
  }

  static final class BinaryWriter extends Leaf {
    private ByteBuffer min;
    private ByteBuffer max;

    BinaryWriter(int id, String path, boolean track) {
      super(id, path, track);
    }

    @Override
    void write(RecordConsumer rc, Object value) {
      ByteBuffer v = (ByteBuffer) value;
      rc.addBinary(Binary.fromConstantByteBuffer(v));
      if (track) {
        if (min == null) {
          min = v;
          max = v;
        } else if (ValueOrder.compareUnsigned(v, min) < 0) {
          min = v;
        } else if (ValueOrder.compareUnsigned(v, max) > 0) {
          max = v;
        }
      }
    }

    @Override
    ColumnStats stats() {
      if (min == null) {
        return new ColumnStats(nullCount, null, null, null);
      }
      return new ColumnStats(nullCount, null, JsonValues.toJson(PrimitiveType.BINARY, BoundTruncation.lowerBound(min)),
          JsonValues.toJson(PrimitiveType.BINARY, BoundTruncation.upperBound(max)));
    }

    @Override
    void reset() {
      min = null;
      max = null;
    }
  }
}

package io.tidemark.spark;

import io.tidemark.core.data.Micros;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Converts rows between Tidemark records and Spark's internal rows: dates as days since 1970,
 * timestamps as microseconds, strings as UTF-8, decimals as Spark decimals, structs, lists and
 * maps recursively.
 */
final class SparkRows {
  private SparkRows() {}

  /** A Spark row holding a record's values (of the struct the record has). */
  static InternalRow toSpark(Record record) {
    StructType struct = record.struct();
    Object[] values = new Object[record.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = toSpark(struct.fields().get(i).type(), record.get(i));
    }
    return new GenericInternalRow(values);
  }

  /** A Tidemark value of the type in Spark's internal form. */
  static Object toSpark(Type type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case BOOLEAN, INT, LONG, FLOAT, DOUBLE -> value;
        case DATE -> (int) ((LocalDate) value).toEpochDay();
        case TIMESTAMP -> value instanceof Instant i ? Micros.of(i) : value;
        case TIMESTAMP_NTZ -> value instanceof LocalDateTime t ? Micros.of(t) : value;
        case STRING -> UTF8String.fromString((String) value);
        case BINARY -> bytes((ByteBuffer) value);
      };
    }
    if (type instanceof DecimalType d) {
      return Decimal.apply((BigDecimal) value, d.precision(), d.scale());
    }
    if (type instanceof StructType) {
      return toSpark((Record) value);
    }
    if (type instanceof ListType l) {
      List<?> list = (List<?>) value;
      Object[] out = new Object[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = toSpark(l.elementType(), list.get(i));
      }
      return new GenericArrayData(out);
    }
    MapType m = (MapType) type;
    Map<?, ?> map = (Map<?, ?>) value;
    Object[] keys = new Object[map.size()];
    Object[] vals = new Object[map.size()];
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      keys[i] = toSpark(m.keyType(), e.getKey());
      vals[i] = toSpark(m.valueType(), e.getValue());
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(vals));
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /** Converts Spark rows to records; keeps the Spark form of each type it meets. Belongs to one thread. */
  static final class ToRecords {
    private final Map<Type, DataType> sparkTypes = new IdentityHashMap<>();

    private DataType sparkType(Type type) {
      return sparkTypes.computeIfAbsent(type, SparkSchemas::toSpark);
    }

  /**
   * A record of {@code struct} from a Spark row: field {@code i} of the record is read from
   * ordinal {@code ordinals[i]} of the row, or is null when that is -1.
   */
  Record toRecord(StructType struct, InternalRow row, int[] ordinals) {
    Object[] values = new Object[struct.fields().size()];
    for (int i = 0; i < values.length; i++) {
      int o = ordinals[i];
      if (o >= 0 && !row.isNullAt(o)) {
        NestedField f = struct.fields().get(i);
        values[i] = fromSpark(f.type(), row.get(o, sparkType(f.type())));
      }
    }
    return Record.of(struct, values);
  }

  private Record toRecord(StructType struct, InternalRow row) {
    int[] identity = new int[struct.fields().size()];
    Arrays.setAll(identity, i -> i);
    return toRecord(struct, row, identity);
  }

  /** A value in Spark's internal form as the Tidemark value of the type. */
  Object fromSpark(Type type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case BOOLEAN, INT, LONG, FLOAT, DOUBLE, TIMESTAMP, TIMESTAMP_NTZ -> value;
        case DATE -> LocalDate.ofEpochDay((Integer) value);
        case STRING -> value.toString();
        case BINARY -> ByteBuffer.wrap(((byte[]) value).clone());
      };
    }
    if (type instanceof DecimalType d) {
      return ((Decimal) value).toJavaBigDecimal().setScale(d.scale());
    }
    if (type instanceof StructType s) {
      return toRecord(s, (InternalRow) value);
    }
    if (type instanceof ListType l) {
      ArrayData array = (ArrayData) value;
      DataType elementType = sparkType(l.elementType());
      List<Object> out = new ArrayList<>(array.numElements());
      for (int i = 0; i < array.numElements(); i++) {
        out.add(array.isNullAt(i) ? null : fromSpark(l.elementType(), array.get(i, elementType)));
      }
      return out;
    }
    MapType m = (MapType) type;
    MapData map = (MapData) value;
    DataType keyType = sparkType(m.keyType());
    DataType valueType = sparkType(m.valueType());
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < map.numElements(); i++) {
      Object v = map.valueArray().isNullAt(i) ? null : fromSpark(m.valueType(), map.valueArray().get(i, valueType));
      out.put(fromSpark(m.keyType(), map.keyArray().get(i, keyType)), v);
    }
    return out;
  }
  }
}

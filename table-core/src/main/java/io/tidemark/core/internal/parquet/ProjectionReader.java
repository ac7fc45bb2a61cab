package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Micros;
import io.tidemark.core.data.Record;
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
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Matches a projection to a file's Parquet schema by field id and builds the requested schema
 * (only the columns needed) and the converters that assemble records of the projection,
 * promoting int to long, float to double and decimal precision on the way.
 */
final class ProjectionReader {
  private final String location;

  private final Skip skip = new Skip();

  private ProjectionReader(String location) {
    this.location = location;
  }

  /**
   * A switch the reader of a file turns on while it reads a row it will not return (a deleted
   * one): the values of that row are decoded, as Parquet must to move on, but not converted to
   * Java values. The row's record is then incomplete and must be dropped.
   */
  static final class Skip {
    boolean on;

    /** Turns skipping on or off for the rows read from now on. */
    void set(boolean skipping) {
      on = skipping;
    }
  }

  /**
   * The reading plan of a file.
   *
   * @param requested the columns to read, or null when no projected column is in the file
   * @param materializer assembles records of the projection (null when nothing is requested)
   * @param skip turned on while reading a row that is dropped whatever its values
   */
  record Plan(MessageType requested, RecordMaterializer<Record> materializer, Skip skip) {}

  /**
   * Plans reading a file of {@code fileSchema} as {@code projection}.
   *
   * @throws SchemaMismatchException when a projected field's id is in the file with a type that
   *     cannot be read as the projected type
   */
  static Plan plan(MessageType fileSchema, Schema projection, String location) {
    ProjectionReader reader = new ProjectionReader(location);
    StructConverter root = new StructConverter(projection.asStruct(), null);
    List<org.apache.parquet.schema.Type> requested = reader.struct(fileSchema, projection.asStruct(), "", root);
    if (requested.isEmpty()) {
      return new Plan(null, null, reader.skip);
    }
    return new Plan(new MessageType(fileSchema.getName(), requested), new Materializer(root), reader.skip);
  }

  /** Resolves a struct's projected fields; returns the requested file fields in file order. */
  private List<org.apache.parquet.schema.Type> struct(GroupType file, StructType projection, String path,
      StructConverter converter) {
    Map<Integer, Integer> fileIndexById = new HashMap<>();
    for (int i = 0; i < file.getFieldCount(); i++) {
      org.apache.parquet.schema.Type.ID id = file.getType(i).getId();
      if (id != null) {
        fileIndexById.putIfAbsent(id.intValue(), i);
      }
    }
    int[] projectedPosition = new int[file.getFieldCount()];
    java.util.Arrays.fill(projectedPosition, -1);
    List<NestedField> fields = projection.fields();
    for (int p = 0; p < fields.size(); p++) {
      Integer fileIndex = fileIndexById.get(fields.get(p).id());
      if (fileIndex != null) {
        projectedPosition[fileIndex] = p;
      }
    }
    List<org.apache.parquet.schema.Type> requested = new ArrayList<>();
    List<Converter> children = new ArrayList<>();
    for (int i = 0; i < projectedPosition.length; i++) {
      int p = projectedPosition[i];
      if (p < 0) {
        continue;
      }
      NestedField field = fields.get(p);
      Resolved r = type(file.getType(i), field.type(), path + field.name(), converter.sink(p));
      requested.add(r.type);
      children.add(r.converter);
    }
    converter.children = children.toArray(new Converter[0]);
    return requested;
  }

  private record Resolved(org.apache.parquet.schema.Type type, Converter converter) {}

  private Resolved type(org.apache.parquet.schema.Type file, Type projected, String path, Sink sink) {
    if (projected instanceof StructType s) {
      GroupType group = group(file, projected, path);
      if (group.getLogicalTypeAnnotation() instanceof ListLogicalTypeAnnotation
          || group.getLogicalTypeAnnotation() instanceof MapLogicalTypeAnnotation) {
        throw mismatch(path, projected, file);
      }
      StructConverter converter = new StructConverter(s, sink);
      List<org.apache.parquet.schema.Type> requested = struct(group, s, path + ".", converter);
      if (requested.isEmpty()) {
        // None of the projected members is in the file: read one small column anyway, to know
        // which structs are null.
        org.apache.parquet.schema.Type placeholder = smallest(group.getType(0));
        requested = List.of(placeholder);
        converter.children = new Converter[] {ignoring(placeholder)};
      }
      return new Resolved(group.withNewFields(requested), converter);
    } else if (projected instanceof ListType l) {
      GroupType group = group(file, projected, path);
      if (group.getFieldCount() != 1 || group.getType(0).isPrimitive()
          || !group.getType(0).isRepetition(org.apache.parquet.schema.Type.Repetition.REPEATED)
          || group.getType(0).asGroupType().getFieldCount() != 1) {
        throw mismatch(path, projected, file);
      }
      GroupType repeated = group.getType(0).asGroupType();
      org.apache.parquet.schema.Type element = repeated.getType(0);
      if (element.getId() == null || element.getId().intValue() != l.elementId()) {
        throw new SchemaMismatchException(path + ".element", "element field id " + l.elementId(),
            "id " + element.getId() + " in file " + location);
      }
      ListConverter converter = new ListConverter(sink);
      Resolved e = type(element, l.elementType(), path + ".element", converter.elementSink());
      converter.element = e.converter;
      return new Resolved(group.withNewFields(repeated.withNewFields(e.type)), converter);
    } else if (projected instanceof MapType m) {
      GroupType group = group(file, projected, path);
      if (group.getFieldCount() != 1 || group.getType(0).isPrimitive()
          || !group.getType(0).isRepetition(org.apache.parquet.schema.Type.Repetition.REPEATED)
          || group.getType(0).asGroupType().getFieldCount() != 2) {
        throw mismatch(path, projected, file);
      }
      GroupType repeated = group.getType(0).asGroupType();
      MapConverter converter = new MapConverter(sink);
      org.apache.parquet.schema.Type[] requested = new org.apache.parquet.schema.Type[2];
      boolean foundKey = false;
      boolean foundValue = false;
      for (int i = 0; i < 2; i++) {
        org.apache.parquet.schema.Type f = repeated.getType(i);
        int id = f.getId() == null ? -1 : f.getId().intValue();
        Resolved r;
        if (id == m.keyId() && !foundKey) {
          foundKey = true;
          r = type(f, m.keyType(), path + ".key", converter.keySink());
        } else if (id == m.valueId() && !foundValue) {
          foundValue = true;
          r = type(f, m.valueType(), path + ".value", converter.valueSink());
        } else {
          throw new SchemaMismatchException(path, "map key id " + m.keyId() + " and value id " + m.valueId(),
              "field id " + f.getId() + " in file " + location);
        }
        requested[i] = r.type;
        converter.children[i] = r.converter;
      }
      return new Resolved(group.withNewFields(repeated.withNewFields(requested)), converter);
    }
    if (!file.isPrimitive()) {
      throw mismatch(path, projected, file);
    }
    return new Resolved(file, primitive(file.asPrimitiveType(), projected, path, sink));
  }

  private GroupType group(org.apache.parquet.schema.Type file, Type projected, String path) {
    if (file.isPrimitive()) {
      throw mismatch(path, projected, file);
    }
    return file.asGroupType();
  }

  private PrimitiveConverter primitive(org.apache.parquet.schema.PrimitiveType file, Type projected, String path,
      Sink sink) {
    PrimitiveTypeName physical = file.getPrimitiveTypeName();
    LogicalTypeAnnotation annotation = file.getLogicalTypeAnnotation();
    if (projected instanceof DecimalType d) {
      if (annotation instanceof DecimalLogicalTypeAnnotation fd && fd.getScale() == d.scale()
          && fd.getPrecision() <= d.precision()) {
        int scale = d.scale();
        switch (physical) {
          case INT32:
            return new IntConverter(sink, skip, v -> BigDecimal.valueOf(v, scale));
          case INT64:
            return new LongConverter(sink, skip, v -> BigDecimal.valueOf(v, scale));
          case FIXED_LEN_BYTE_ARRAY:
          case BINARY:
            return new BinaryConverter(sink, skip, b -> new BigDecimal(new BigInteger(b.getBytes()), scale));
          default:
            break;
        }
      }
      throw mismatch(path, projected, file);
    }
    switch ((PrimitiveType) projected) {
      case BOOLEAN:
        if (physical == PrimitiveTypeName.BOOLEAN) {
          return new BooleanConverter(sink);
        }
        break;
      case INT:
        if (physical == PrimitiveTypeName.INT32 && plainInt(annotation)) {
          return new IntConverter(sink, skip, v -> v);
        }
        break;
      case LONG:
        if (physical == PrimitiveTypeName.INT32 && plainInt(annotation)) {
          return new IntConverter(sink, skip, v -> (long) v);
        }
        if (physical == PrimitiveTypeName.INT64 && plainInt(annotation)) {
          return new LongConverter(sink, skip, v -> v);
        }
        break;
      case FLOAT:
        if (physical == PrimitiveTypeName.FLOAT) {
          return new FloatConverter(sink, skip, v -> (float) v);
        }
        break;
      case DOUBLE:
        if (physical == PrimitiveTypeName.FLOAT) {
          return new FloatConverter(sink, skip, v -> v);
        }
        if (physical == PrimitiveTypeName.DOUBLE) {
          return new DoubleConverter(sink, skip, v -> v);
        }
        break;
      case DATE:
        if (physical == PrimitiveTypeName.INT32 && annotation instanceof DateLogicalTypeAnnotation) {
          return new IntConverter(sink, skip, LocalDate::ofEpochDay);
        }
        break;
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        if (physical == PrimitiveTypeName.INT64 && annotation instanceof TimestampLogicalTypeAnnotation ts
            && ts.isAdjustedToUTC() == (projected == PrimitiveType.TIMESTAMP)) {
          LongFunction<Object> convert = projected == PrimitiveType.TIMESTAMP
              ? Micros::toInstant : Micros::toLocalDateTime;
          TimeUnit unit = ts.getUnit();
          if (unit == TimeUnit.MILLIS) {
            return new LongConverter(sink, skip, v -> convert.apply(Math.multiplyExact(v, 1000L)));
          } else if (unit == TimeUnit.NANOS) {
            return new LongConverter(sink, skip, v -> convert.apply(Math.floorDiv(v, 1000L)));
          }
          return new LongConverter(sink, skip, convert);
        }
        break;
      case STRING:
        if (physical == PrimitiveTypeName.BINARY && annotation instanceof StringLogicalTypeAnnotation) {
          return new BinaryConverter(sink, skip, Binary::toStringUsingUTF8);
        }
        break;
      case BINARY:
        if ((physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
            && annotation == null) {
          return new BufferConverter(sink);
        }
        break;
      default:
        break;
    }
    throw mismatch(path, projected, file);
  }

  private static boolean plainInt(LogicalTypeAnnotation annotation) {
    return annotation == null || (annotation instanceof IntLogicalTypeAnnotation i && i.isSigned());
  }

  private SchemaMismatchException mismatch(String path, Type projected, org.apache.parquet.schema.Type file) {
    return new SchemaMismatchException(path, projected.toString(),
        "Parquet field '" + file.toString().trim() + "' in file " + location);
  }

  /** The type with only its first leaf: the cheapest column that tells whether the type is null. */
  private static org.apache.parquet.schema.Type smallest(org.apache.parquet.schema.Type type) {
    if (type.isPrimitive()) {
      return type;
    }
    GroupType group = type.asGroupType();
    return group.withNewFields(smallest(group.getType(0)));
  }

  private static Converter ignoring(org.apache.parquet.schema.Type type) {
    if (type.isPrimitive()) {
      return new IgnoringPrimitive();
    }
    Converter child = ignoring(type.asGroupType().getType(0));
    return new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return child;
      }

      @Override
      public void start() {}

      @Override
      public void end() {}
    };
  }

  /** Where a converter puts the value it assembled. */
  @FunctionalInterface
  interface Sink {
    void set(Object value);
  }

  private static final class Materializer extends RecordMaterializer<Record> {
    private final StructConverter root;

    Materializer(StructConverter root) {
      this.root = root;
    }

    @Override
    public Record getCurrentRecord() {
      return root.current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  /** Assembles a record of a projected struct; fields not in the file stay null. */
  static final class StructConverter extends GroupConverter {
    private final StructType struct;
    private final int size;
    private final Sink parent;
    private Converter[] children;
    private Object[] values;
    private Record current;

    StructConverter(StructType struct, Sink parent) {
      this.struct = struct;
      this.size = struct.fields().size();
      this.parent = parent;
    }

    Sink sink(int position) {
      return value -> values[position] = value;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      values = new Object[size];
    }

    @Override
    public void end() {
      Record record = Record.trusted(struct, values);
      if (parent == null) {
        current = record;
      } else {
        parent.set(record);
      }
    }
  }

  /** Assembles an unmodifiable list from the 3-level list layout. */
  static final class ListConverter extends GroupConverter {
    private final Sink parent;
    private final GroupConverter repeated;
    private Converter element;
    private List<Object> list;
    private Object value;

    ListConverter(Sink parent) {
      this.parent = parent;
      this.repeated = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return element;
        }

        @Override
        public void start() {
          value = null;
        }

        @Override
        public void end() {
          list.add(value);
        }
      };
    }

    Sink elementSink() {
      return v -> value = v;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }

    @Override
    public void start() {
      list = new ArrayList<>();
    }

    @Override
    public void end() {
      parent.set(Collections.unmodifiableList(list));
    }
  }

  /** Assembles an unmodifiable map, in file order, from the key_value layout. */
  static final class MapConverter extends GroupConverter {
    private final Sink parent;
    private final GroupConverter repeated;
    final Converter[] children = new Converter[2];
    private Map<Object, Object> map;
    private Object key;
    private Object value;

    MapConverter(Sink parent) {
      this.parent = parent;
      this.repeated = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return children[fieldIndex];
        }

        @Override
        public void start() {
          key = null;
          value = null;
        }

        @Override
        public void end() {
          map.put(key, value);
        }
      };
    }

    Sink keySink() {
      return v -> key = v;
    }

    Sink valueSink() {
      return v -> value = v;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }

    @Override
    public void start() {
      map = new LinkedHashMap<>();
    }

    @Override
    public void end() {
      parent.set(Collections.unmodifiableMap(map));
    }
  }

  /** A primitive converter that decodes a dictionary once per column chunk. */
  abstract static class ValueConverter extends PrimitiveConverter {
    final Sink sink;
    /** On while a row that is not returned (a deleted one) is read: its values are not converted. */
    final Skip skip;
    private Object[] dictionary;

    ValueConverter(Sink sink, Skip skip) {
      this.sink = sink;
      this.skip = skip;
    }

    abstract Object decode(Dictionary dictionary, int id);

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dict) {
      Object[] decoded = new Object[dict.getMaxId() + 1];
      for (int i = 0; i < decoded.length; i++) {
        decoded[i] = decode(dict, i);
      }
      this.dictionary = decoded;
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      sink.set(dictionary[dictionaryId]);
    }
  }

  static final class BooleanConverter extends PrimitiveConverter {
    private final Sink sink;

    BooleanConverter(Sink sink) {
      this.sink = sink;
    }

    @Override
    public void addBoolean(boolean value) {
      sink.set(value);
    }
  }

  static final class IntConverter extends ValueConverter {
    private final IntFunction<Object> convert;

    IntConverter(Sink sink, Skip skip, IntFunction<Object> convert) {
      super(sink, skip);
      this.convert = convert;
    }

    @Override
    Object decode(Dictionary dictionary, int id) {
      return convert.apply(dictionary.decodeToInt(id));
    }

    @Override
    public void addInt(int value) {
      if (!skip.on) {
        sink.set(convert.apply(value));
      }
    }
  }

  static final class LongConverter extends ValueConverter {
    private final LongFunction<Object> convert;

    LongConverter(Sink sink, Skip skip, LongFunction<Object> convert) {
      super(sink, skip);
      this.convert = convert;
    }

    @Override
    Object decode(Dictionary dictionary, int id) {
      return convert.apply(dictionary.decodeToLong(id));
    }

    @Override
    public void addLong(long value) {
      if (!skip.on) {
        sink.set(convert.apply(value));
      }
    }
  }

  static final class FloatConverter extends ValueConverter {
    private final DoubleFunction<Object> convert;

    FloatConverter(Sink sink, Skip skip, DoubleFunction<Object> convert) {
      super(sink, skip);
      this.convert = convert;
    }

    @Override
    Object decode(Dictionary dictionary, int id) {
      return convert.apply(dictionary.decodeToFloat(id));
    }

    @Override
    public void addFloat(float value) {
      if (!skip.on) {
        sink.set(convert.apply(value));
      }
    }
  }

  static final class DoubleConverter extends ValueConverter {
    private final DoubleFunction<Object> convert;

    DoubleConverter(Sink sink, Skip skip, DoubleFunction<Object> convert) {
      super(sink, skip);
      this.convert = convert;
    }

    @Override
    Object decode(Dictionary dictionary, int id) {
      return convert.apply(dictionary.decodeToDouble(id));
    }

    @Override
    public void addDouble(double value) {
      if (!skip.on) {
        sink.set(convert.apply(value));
      }
    }
  }

  static final class BinaryConverter extends ValueConverter {
    private final Function<Binary, Object> convert;

    BinaryConverter(Sink sink, Skip skip, Function<Binary, Object> convert) {
      super(sink, skip);
      this.convert = convert;
    }

    @Override
    Object decode(Dictionary dictionary, int id) {
      return convert.apply(dictionary.decodeToBinary(id));
    }

    @Override
    public void addBinary(Binary value) {
      if (!skip.on) {
        sink.set(convert.apply(value));
      }
    }
  }

  /**
   * Reads binary values as read-only buffers. Buffers have a position that readers move, so
   * each value gets a buffer of its own, also when it comes from the dictionary.
   */
  static final class BufferConverter extends PrimitiveConverter {
    private final Sink sink;
    private ByteBuffer[] dictionary;

    BufferConverter(Sink sink) {
      this.sink = sink;
    }

    private static ByteBuffer buffer(Binary value) {
      return ByteBuffer.wrap(value.getBytes()).asReadOnlyBuffer();
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary dict) {
      ByteBuffer[] decoded = new ByteBuffer[dict.getMaxId() + 1];
      for (int i = 0; i < decoded.length; i++) {
        decoded[i] = buffer(dict.decodeToBinary(i));
      }
      this.dictionary = decoded;
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      sink.set(dictionary[dictionaryId].duplicate());
    }

    @Override
    public void addBinary(Binary value) {
      sink.set(buffer(value));
    }
  }

  /** Reads a placeholder column and drops its values. */
  static final class IgnoringPrimitive extends PrimitiveConverter {
    @Override
    public void addBinary(Binary value) {}

    @Override
    public void addBoolean(boolean value) {}

    @Override
    public void addDouble(double value) {}

    @Override
    public void addFloat(float value) {}

    @Override
    public void addInt(int value) {}

    @Override
    public void addLong(long value) {}
  }
}

package io.tidemark.core.internal.parquet;

import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a Tidemark schema, as spec.md fixes it: every Parquet field (list
 * elements, map keys and values too) carries its Tidemark field id; the 3-level list and map
 * layouts; decimals as INT32, INT64 or the smallest FIXED_LEN_BYTE_ARRAY; timestamps as INT64
 * microseconds.
 */
public final class ParquetSchemas {
  /** The name of the Parquet message. */
  static final String MESSAGE_NAME = "table";
  /** The repeated group of a list. */
  static final String LIST_REPEATED = "list";
  /** The element field of a list. */
  static final String LIST_ELEMENT = "element";
  /** The repeated group of a map. */
  static final String MAP_REPEATED = "key_value";
  /** The key field of a map. */
  static final String MAP_KEY = "key";
  /** The value field of a map. */
  static final String MAP_VALUE = "value";

  private static final int[] DECIMAL_BYTES = new int[DecimalType.MAX_PRECISION + 1];

  static {
    for (int precision = 1; precision <= DecimalType.MAX_PRECISION; precision++) {
      // The smallest n whose signed range holds every unscaled value of `precision` digits:
      // 10^p - 1 <= 2^(8n-1) - 1.
      BigInteger largest = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
      int n = 1;
      while (BigInteger.ONE.shiftLeft(8 * n - 1).subtract(BigInteger.ONE).compareTo(largest) < 0) {
        n++;
      }
      DECIMAL_BYTES[precision] = n;
    }
  }

  private ParquetSchemas() {}

  /** The Parquet message type, named {@code table}, of a Tidemark schema. */
  public static MessageType convert(Schema schema) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (NestedField f : schema.columns()) {
      builder.addField(field(f.id(), f.name(), f.type(), f.required()));
    }
    return builder.named(MESSAGE_NAME);
  }

  /**
   * Why Parquet cannot store records of this schema, or null when it can: Parquet has no empty
   * groups, so a schema needs a column and every struct a field.
   */
  static String unwritableReason(Schema schema) {
    if (schema.columns().isEmpty()) {
      return "a data file needs at least one column";
    }
    for (NestedField f : schema.columns()) {
      String reason = unwritableReason(f.name(), f.type());
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  private static String unwritableReason(String path, Type type) {
    if (type instanceof StructType s) {
      if (s.fields().isEmpty()) {
        return "struct field '" + path + "' has no fields; Parquet cannot store an empty struct";
      }
      for (NestedField f : s.fields()) {
        String reason = unwritableReason(path + "." + f.name(), f.type());
        if (reason != null) {
          return reason;
        }
      }
    } else if (type instanceof ListType l) {
      return unwritableReason(path + ".element", l.elementType());
    } else if (type instanceof MapType m) {
      String reason = unwritableReason(path + ".key", m.keyType());
      return reason != null ? reason : unwritableReason(path + ".value", m.valueType());
    }
    return null;
  }

  /** The number of bytes of the FIXED_LEN_BYTE_ARRAY holding decimals of this precision (precision > 18). */
  static int decimalBytes(int precision) {
    return DECIMAL_BYTES[precision];
  }

  static org.apache.parquet.schema.Type field(int id, String name, Type type, boolean required) {
    Repetition repetition = required ? Repetition.REQUIRED : Repetition.OPTIONAL;
    if (type instanceof StructType s) {
      List<org.apache.parquet.schema.Type> members = new ArrayList<>(s.fields().size());
      for (NestedField f : s.fields()) {
        members.add(field(f.id(), f.name(), f.type(), f.required()));
      }
      return Types.buildGroup(repetition).addFields(members.toArray(new org.apache.parquet.schema.Type[0]))
          .id(id).named(name);
    } else if (type instanceof ListType l) {
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup()
              .addField(field(l.elementId(), LIST_ELEMENT, l.elementType(), l.elementRequired()))
              .named(LIST_REPEATED))
          .id(id).named(name);
    } else if (type instanceof MapType m) {
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
          .addField(Types.repeatedGroup()
              .addField(field(m.keyId(), MAP_KEY, m.keyType(), true))
              .addField(field(m.valueId(), MAP_VALUE, m.valueType(), m.valueRequired()))
              .named(MAP_REPEATED))
          .id(id).named(name);
    } else if (type instanceof DecimalType d) {
      LogicalTypeAnnotation decimal = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
      if (d.precision() <= 9) {
        return Types.primitive(PrimitiveTypeName.INT32, repetition).as(decimal).id(id).named(name);
      } else if (d.precision() <= 18) {
        return Types.primitive(PrimitiveTypeName.INT64, repetition).as(decimal).id(id).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
          .length(decimalBytes(d.precision())).as(decimal).id(id).named(name);
    }
    switch ((PrimitiveType) type) {
      case BOOLEAN:
        return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).id(id).named(name);
      case INT:
        return Types.primitive(PrimitiveTypeName.INT32, repetition).id(id).named(name);
      case LONG:
        return Types.primitive(PrimitiveTypeName.INT64, repetition).id(id).named(name);
      case FLOAT:
        return Types.primitive(PrimitiveTypeName.FLOAT, repetition).id(id).named(name);
      case DOUBLE:
        return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).id(id).named(name);
      case DATE:
        return Types.primitive(PrimitiveTypeName.INT32, repetition)
            .as(LogicalTypeAnnotation.dateType()).id(id).named(name);
      case TIMESTAMP:
        return Types.primitive(PrimitiveTypeName.INT64, repetition)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
            .id(id).named(name);
      case TIMESTAMP_NTZ:
        return Types.primitive(PrimitiveTypeName.INT64, repetition)
            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
            .id(id).named(name);
      case STRING:
        return Types.primitive(PrimitiveTypeName.BINARY, repetition)
            .as(LogicalTypeAnnotation.stringType()).id(id).named(name);
      case BINARY:
        return Types.primitive(PrimitiveTypeName.BINARY, repetition).id(id).named(name);
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }
}

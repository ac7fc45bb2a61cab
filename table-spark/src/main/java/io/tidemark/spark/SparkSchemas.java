package io.tidemark.spark;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import io.tidemark.spec.types.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;

/**
 * Maps Tidemark types to Spark's and back. Tidemark's {@code timestamp} (UTC instant) is Spark's
 * {@code TIMESTAMP}, {@code timestamp_ntz} is {@code TIMESTAMP_NTZ}; both are microseconds on
 * either side. Spark's byte and short become Tidemark {@code int}, char and varchar become
 * {@code string}; a required field is a non-nullable one.
 */
final class SparkSchemas {
  private SparkSchemas() {}

  /** The Spark schema of a Tidemark schema. */
  static org.apache.spark.sql.types.StructType toSpark(Schema schema) {
    return toSpark(schema.asStruct());
  }

  static org.apache.spark.sql.types.StructType toSpark(StructType struct) {
    List<StructField> fields = new ArrayList<>(struct.fields().size());
    for (NestedField f : struct.fields()) {
      Metadata md = f.doc() == null ? Metadata.empty()
          : new org.apache.spark.sql.types.MetadataBuilder().putString("comment", f.doc()).build();
      fields.add(new StructField(f.name(), toSpark(f.type()), !f.required(), md));
    }
    return new org.apache.spark.sql.types.StructType(fields.toArray(new StructField[0]));
  }

  static DataType toSpark(Type type) {
    if (type instanceof PrimitiveType p) {
      return switch (p) {
        case BOOLEAN -> DataTypes.BooleanType;
        case INT -> DataTypes.IntegerType;
        case LONG -> DataTypes.LongType;
        case FLOAT -> DataTypes.FloatType;
        case DOUBLE -> DataTypes.DoubleType;
        case DATE -> DataTypes.DateType;
        case TIMESTAMP -> DataTypes.TimestampType;
        case TIMESTAMP_NTZ -> DataTypes.TimestampNTZType;
        case STRING -> DataTypes.StringType;
        case BINARY -> DataTypes.BinaryType;
      };
    }
    if (type instanceof DecimalType d) {
      return DataTypes.createDecimalType(d.precision(), d.scale());
    }
    if (type instanceof StructType s) {
      return toSpark(s);
    }
    if (type instanceof ListType l) {
      return DataTypes.createArrayType(toSpark(l.elementType()), !l.elementRequired());
    }
    MapType m = (MapType) type;
    return DataTypes.createMapType(toSpark(m.keyType()), toSpark(m.valueType()), !m.valueRequired());
  }

  /** A Tidemark schema for a Spark schema; field ids are assigned by the schema builder. */
  static Schema toTidemark(org.apache.spark.sql.types.StructType spark) {
    Schema.Builder b = Schema.builder();
    for (StructField f : spark.fields()) {
      b.column(f.name(), toTidemark(f.name(), f.dataType()), !f.nullable(), f.getComment().isDefined()
          ? f.getComment().get() : null);
    }
    return b.build();
  }

  static Type toTidemark(String name, DataType type) {
    if (type instanceof BooleanType) {
      return Types.BOOLEAN;
    } else if (type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType) {
      return Types.INT;
    } else if (type instanceof LongType) {
      return Types.LONG;
    } else if (type instanceof FloatType) {
      return Types.FLOAT;
    } else if (type instanceof DoubleType) {
      return Types.DOUBLE;
    } else if (type instanceof DateType) {
      return Types.DATE;
    } else if (type instanceof TimestampType) {
      return Types.TIMESTAMP;
    } else if (type instanceof TimestampNTZType) {
      return Types.TIMESTAMP_NTZ;
    } else if (type instanceof StringType || type instanceof CharType || type instanceof VarcharType) {
      return Types.STRING;
    } else if (type instanceof BinaryType) {
      return Types.BINARY;
    } else if (type instanceof org.apache.spark.sql.types.DecimalType d) {
      return Types.decimal(d.precision(), d.scale());
    } else if (type instanceof org.apache.spark.sql.types.StructType s) {
      List<NestedField> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        Type t = toTidemark(name + "." + f.name(), f.dataType());
        fields.add(f.nullable() ? Types.optional(f.name(), t) : Types.required(f.name(), t));
      }
      return new StructType(fields);
    } else if (type instanceof ArrayType a) {
      Type element = toTidemark(name + ".element", a.elementType());
      return a.containsNull() ? Types.list(element) : Types.listOfRequired(element);
    } else if (type instanceof org.apache.spark.sql.types.MapType m) {
      return new MapType(0, toTidemark(name + ".key", m.keyType()), 0, toTidemark(name + ".value", m.valueType()),
          !m.valueContainsNull());
    }
    throw new InvalidArgumentException("column '" + name + "' has Spark type " + type.simpleString()
        + ", which Tidemark has no type for");
  }

  /**
   * Whether a Spark type carries exactly the values of a Tidemark type's Spark form, nullability
   * aside: what a path write accepts for an existing column.
   */
  static boolean sameIgnoringNullability(DataType a, DataType b) {
    if (a instanceof org.apache.spark.sql.types.StructType sa && b instanceof org.apache.spark.sql.types.StructType sb) {
      if (sa.fields().length != sb.fields().length) {
        return false;
      }
      for (int i = 0; i < sa.fields().length; i++) {
        if (!sa.fields()[i].name().equals(sb.fields()[i].name())
            || !sameIgnoringNullability(sa.fields()[i].dataType(), sb.fields()[i].dataType())) {
          return false;
        }
      }
      return true;
    } else if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return sameIgnoringNullability(aa.elementType(), ab.elementType());
    } else if (a instanceof org.apache.spark.sql.types.MapType ma && b instanceof org.apache.spark.sql.types.MapType mb) {
      return sameIgnoringNullability(ma.keyType(), mb.keyType()) && sameIgnoringNullability(ma.valueType(), mb.valueType());
    }
    return a.equals(b);
  }
}

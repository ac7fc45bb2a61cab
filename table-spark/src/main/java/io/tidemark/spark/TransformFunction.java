package io.tidemark.spark;

import io.tidemark.core.data.Micros;
import io.tidemark.spec.partition.Transform;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.functions.BoundFunction;
import org.apache.spark.sql.connector.catalog.functions.ScalarFunction;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Tidemark's partition transforms as Spark functions of the catalog: {@code years(ts)},
 * {@code months(ts)}, {@code days(ts)}, {@code hours(ts)}, {@code bucket(n, col)} and
 * {@code truncate(col, width)}, each giving the partition value Tidemark gives (spec.md section 8;
 * bucket is Tidemark's Murmur3 bucket, not Spark's hash). Spark calls them to cluster written rows
 * by partition ({@link SparkWrite#requiredDistribution()}); queries may call them too.
 */
final class TransformFunction implements UnboundFunction {
  /** The function names, as Spark's partition transforms name them. */
  static final List<String> NAMES = List.of("years", "months", "days", "hours", "bucket", "truncate");

  private final String name;

  TransformFunction(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return name + ": Tidemark's " + tidemarkName(name) + " partition transform";
  }

  private static String tidemarkName(String name) {
    return switch (name) {
      case "years" -> "year";
      case "months" -> "month";
      case "days" -> "day";
      case "hours" -> "hour";
      default -> name;
    };
  }

  @Override
  public BoundFunction bind(StructType inputType) {
    boolean parameterised = name.equals("bucket") || name.equals("truncate");
    int arity = parameterised ? 2 : 1;
    if (inputType.fields().length != arity) {
      throw new UnsupportedOperationException(name + " takes " + (parameterised
          ? (name.equals("bucket") ? "(number of buckets, column)" : "(column, width)") : "one column"));
    }
    // bucket(n, col) as Spark writes it; truncate(col, width) as the catalog reports it
    int column = name.equals("bucket") ? 1 : 0;
    int parameter = !parameterised ? -1 : name.equals("bucket") ? 0 : 1;
    if (parameter >= 0 && !inputType.fields()[parameter].dataType().equals(DataTypes.IntegerType)) {
      throw new UnsupportedOperationException(name + ": the number must be an INT literal");
    }
    DataType source = inputType.fields()[column].dataType();
    Type tidemarkSource = SparkSchemas.toTidemark(inputType.fields()[column].name(), source);
    Transform probe = transform(name, parameter < 0 ? 0 : 1);
    if (!probe.canApplyTo(tidemarkSource)) {
      throw new UnsupportedOperationException(name + " does not apply to " + source.simpleString());
    }
    DataType result = SparkSchemas.toSpark(probe.resultType(tidemarkSource));
    return new Bound(name, inputType.fields().clone(), column, parameter, source, result);
  }

  static Transform transform(String name, int parameter) {
    return switch (name) {
      case "bucket" -> Transforms.bucket(parameter);
      case "truncate" -> Transforms.truncate(parameter);
      default -> Transforms.parse(tidemarkName(name));
    };
  }

  /** The transform bound to its argument types; made again on the executors from what is serialized. */
  private static final class Bound implements ScalarFunction<Object> {
    private final String name;
    private final org.apache.spark.sql.types.StructField[] inputs;
    private final int column;
    private final int parameter;
    private final DataType source;
    private final DataType result;
    private transient Type tidemarkSource;
    private transient Type tidemarkResult;
    private transient SparkRows.ToRecords converter;
    private transient Transform transform;
    private transient int transformParameter;

    Bound(String name, org.apache.spark.sql.types.StructField[] inputs, int column, int parameter, DataType source,
        DataType result) {
      this.name = name;
      this.inputs = inputs;
      this.column = column;
      this.parameter = parameter;
      this.source = source;
      this.result = result;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String canonicalName() {
      return "tidemark." + name;
    }

    @Override
    public DataType[] inputTypes() {
      DataType[] out = new DataType[inputs.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = inputs[i].dataType();
      }
      return out;
    }

    @Override
    public DataType resultType() {
      return result;
    }

    @Override
    public Object produceResult(InternalRow input) {
      if (input.isNullAt(column) || parameter >= 0 && input.isNullAt(parameter)) {
        return null;
      }
      int n = parameter < 0 ? 0 : input.getInt(parameter);
      if (transform == null || n != transformParameter) {
        tidemarkSource = SparkSchemas.toTidemark(inputs[column].name(), source);
        transform = transform(name, n);
        transformParameter = n;
        tidemarkResult = transform.resultType(tidemarkSource);
        converter = new SparkRows.ToRecords();
      }
      Object value = converter.fromSpark(tidemarkSource, input.get(column, source));
      // records take timestamps as microseconds; transforms take the Java time classes
      if (tidemarkSource == PrimitiveType.TIMESTAMP && value instanceof Long micros) {
        value = Micros.toInstant(micros);
      } else if (tidemarkSource == PrimitiveType.TIMESTAMP_NTZ && value instanceof Long micros) {
        value = Micros.toLocalDateTime(micros);
      }
      return SparkRows.toSpark(tidemarkResult, transform.apply(tidemarkSource, value));
    }
  }

  static boolean isName(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }
}

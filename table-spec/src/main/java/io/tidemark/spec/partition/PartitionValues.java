package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A data file's partition values: as Java values, one per spec field in order (an
 * {@code Object[]}), and as they appear in {@code add.partitionValues} — a map from partition
 * field name to the JSON single-value form (spec.md section 6) of the field's result type.
 */
public final class PartitionValues {
  private PartitionValues() {}

  /**
   * The partition values of one row: each field's transform applied to its source column's value.
   *
   * @param sourceValue the row's value of a source field id (null for null)
   * @throws InvalidArgumentException naming the field whose value does not fit
   */
  public static Object[] of(PartitionSpec spec, Schema schema, IntFunction<Object> sourceValue) {
    List<PartitionField> fields = spec.fields();
    Object[] out = new Object[fields.size()];
    for (int i = 0; i < out.length; i++) {
      PartitionField f = fields.get(i);
      Object value = sourceValue.apply(f.sourceId());
      try {
        out[i] = f.transform().apply(f.source(schema).type(), value);
      } catch (InvalidArgumentException e) {
        throw new InvalidArgumentException("partition field '" + f.name() + "': " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The {@code add.partitionValues} map of these values: every field's name, in spec order,
   * mapped to its JSON single-value form (null for null).
   *
   * @throws InvalidArgumentException when the number of values is not the number of fields, or
   *     naming the field whose value is not of its result type
   */
  public static Map<String, Object> toJson(PartitionSpec spec, Schema schema, Object[] values) {
    checkCount(spec, values);
    Map<String, Object> out = new LinkedHashMap<>();
    List<PartitionField> fields = spec.fields();
    for (int i = 0; i < values.length; i++) {
      PartitionField f = fields.get(i);
      Type type = f.resultType(schema);
      try {
        if (values[i] != null && !Transforms.javaClass(type).isInstance(values[i])) {
          // toJson alone would take a string for a date or a long for an int
          throw new ClassCastException();
        }
        out.put(f.name(), JsonValues.toJson(type, values[i]));
      } catch (ClassCastException | InvalidArgumentException e) {
        throw new InvalidArgumentException("partition field '" + f.name() + "' (" + f.transform() + ", type " + type
            + "): value " + values[i] + " (" + values[i].getClass().getName() + ") is not of that type", e);
      }
    }
    return out;
  }

  /**
   * The values of an {@code add.partitionValues} map, one per spec field in order; a field
   * without a key is null.
   *
   * @throws InvalidArgumentException naming the field whose JSON value does not fit its result
   *     type (or is out of range: a bucket outside {@code [0, N)}, a non-null {@code void}), or
   *     naming a key that is not a field of the spec
   */
  public static Object[] fromJson(PartitionSpec spec, Schema schema, Map<String, ?> json) {
    List<PartitionField> fields = spec.fields();
    Object[] out = new Object[fields.size()];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < out.length; i++) {
      PartitionField f = fields.get(i);
      names.add(f.name());
      Object j = json.get(f.name());
      if (j == null) {
        continue;
      }
      Type type = f.resultType(schema);
      Object value;
      try {
        value = JsonValues.fromJson(type, j);
      } catch (InvalidArgumentException e) {
        throw new InvalidArgumentException("partition value of field '" + f.name() + "' (" + f.transform()
            + ", type " + type + "): " + e.getMessage(), e);
      }
      Transform t = f.transform();
      if (t instanceof VoidTransform) {
        throw new InvalidArgumentException("partition value of field '" + f.name() + "' (void) must be null, was " + j);
      }
      if (t instanceof BucketTransform b && ((Integer) value < 0 || (Integer) value >= b.numBuckets())) {
        throw new InvalidArgumentException("partition value of field '" + f.name() + "' (" + t + ") must be in [0, "
            + b.numBuckets() + "), was " + j);
      }
      out[i] = value;
    }
    for (String key : json.keySet()) {
      if (!names.contains(key)) {
        throw new InvalidArgumentException("partition value '" + key + "' is not a field of partition spec "
            + spec.specId() + " (fields are " + fields.stream().map(PartitionField::name).toList() + ")");
      }
    }
    return out;
  }

  static void checkCount(PartitionSpec spec, Object[] values) {
    if (values == null || values.length != spec.fields().size()) {
      throw new InvalidArgumentException("partition spec " + spec.specId() + " has " + spec.fields().size()
          + " fields but " + (values == null ? "no" : String.valueOf(values.length)) + " partition values were given");
    }
  }
}

package io.tidemark.core.internal.checkpoint;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Comparators;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Merges per-file statistics and partition values into a manifest's bounds. */
final class Bounds {
  private Bounds() {}

  /** Column bounds over all files; a column is left out when any file lacks its statistics. */
  static Map<Integer, ColumnStats> columns(Schema schema, List<AddFile> files) {
    Map<Integer, ColumnStats> out = new TreeMap<>();
    if (files.isEmpty()) {
      return out;
    }
    Set<Integer> ids = new HashSet<>(files.get(0).stats().keySet());
    for (AddFile f : files) {
      ids.retainAll(f.stats().keySet());
    }
    for (int id : ids) {
      NestedField field = schema.findField(id);
      if (field == null || field.type().isNested()) {
        continue; // a dropped column: its statistics bound nothing the planner asks about
      }
      Merge merge = new Merge(field.type());
      for (AddFile f : files) {
        ColumnStats s = f.stats().get(id);
        merge.add(s.nullCount(), s.nanCount(), s.min(), s.max());
      }
      out.put(id, merge.result());
    }
    return out;
  }

  /** Partition value bounds keyed by partition field id. */
  static Map<Integer, ColumnStats> partitions(Schema schema, PartitionSpec spec, List<AddFile> files) {
    Map<Integer, ColumnStats> out = new TreeMap<>();
    if (spec.isUnpartitioned() || files.isEmpty()) {
      return out;
    }
    StructType partitionType = spec.partitionType(schema);
    for (NestedField field : partitionType.fields()) {
      Merge merge = new Merge(field.type());
      for (AddFile f : files) {
        Object value = f.partitionValues().get(field.name());
        merge.add(value == null ? 1 : 0, null, value, value);
      }
      out.put(field.id(), merge.result());
    }
    return out;
  }

  /** Running min, max and counts of one field, values kept in their JSON form. */
  private static final class Merge {
    private final Type type;
    private final Comparator<Object> order;
    private long nulls;
    private Long nans = 0L;
    private Object min;
    private Object minValue;
    private Object max;
    private Object maxValue;
    private boolean boundsKnown = true;

    Merge(Type type) {
      this.type = type;
      this.order = Comparators.forType(type);
    }

    void add(long nullCount, Long nanCount, Object lower, Object upper) {
      nulls += nullCount;
      nans = nans == null || nanCount == null ? null : nans + nanCount;
      if (lower == null || upper == null) {
        // a file with only nulls has no bounds and narrows nothing; otherwise bounds are unknown
        if (lower != upper) {
          boundsKnown = false;
        }
        return;
      }
      Object lowerValue = JsonValues.fromJson(type, lower);
      Object upperValue = JsonValues.fromJson(type, upper);
      if (minValue == null || order.compare(lowerValue, minValue) < 0) {
        minValue = lowerValue;
        min = lower;
      }
      if (maxValue == null || order.compare(upperValue, maxValue) > 0) {
        maxValue = upperValue;
        max = upper;
      }
    }

    ColumnStats result() {
      return new ColumnStats(nulls, nans, boundsKnown ? min : null, boundsKnown ? max : null);
    }
  }
}

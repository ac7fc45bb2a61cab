package io.tidemark.core.internal.ops;

import io.tidemark.core.internal.expr.FieldBounds;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.PartitionValues;
import io.tidemark.spec.types.Schema;
import java.util.HashMap;
import java.util.Map;

/**
 * A data file's bounds from its statistics, sharpened by its identity partition values: every row
 * of the file has exactly that value in the source column (null when the value is null), which
 * statistics may only bound (long strings are truncated) or may lack.
 */
final class IdentityPartitionBounds implements FieldBounds {
  private static final Object NULL = new Object();

  private final FieldBounds stats;
  private final long rows;
  private final Map<Integer, Object> exact = new HashMap<>();

  IdentityPartitionBounds(AddFile file, Schema schema, PartitionSpec spec) {
    this.stats = FieldBounds.of(file, schema);
    this.rows = file.recordCount();
    Object[] values = null;
    if (spec != null && !spec.isUnpartitioned()) {
      try {
        values = PartitionValues.fromJson(spec, schema, file.partitionValues());
      } catch (InvalidArgumentException e) {
        values = null; // a spec the current schema cannot decode: the statistics alone decide
      }
    }
    if (values != null) {
      for (int i = 0; i < values.length; i++) {
        PartitionField field = spec.fields().get(i);
        if (field.transform().name().equals("identity") && schema.findField(field.sourceId()) != null) {
          exact.put(field.sourceId(), values[i] == null ? NULL : values[i]);
        }
      }
    }
  }

  private Object exact(int fieldId) {
    return exact.get(fieldId);
  }

  private static boolean isNaN(Object v) {
    return (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN());
  }

  @Override
  public Long rowCount() {
    return rows;
  }

  @Override
  public Long nullCount(int fieldId) {
    Object v = exact(fieldId);
    if (v == null) {
      return stats.nullCount(fieldId); // may be unknown: a conditional mixing Long and long would unbox it
    }
    return v == NULL ? rows : 0L;
  }

  @Override
  public Long nanCount(int fieldId) {
    Object v = exact(fieldId);
    if (v == null) {
      return stats.nanCount(fieldId);
    }
    return isNaN(v) ? rows : 0L;
  }

  @Override
  public Object lower(int fieldId) {
    Object v = exact(fieldId);
    return v == null ? stats.lower(fieldId) : v == NULL || isNaN(v) ? null : v;
  }

  @Override
  public Object upper(int fieldId) {
    Object v = exact(fieldId);
    return v == null ? stats.upper(fieldId) : v == NULL || isNaN(v) ? null : v;
  }
}

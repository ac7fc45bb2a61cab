package io.tidemark.core.internal.plan;

import io.tidemark.core.internal.expr.FieldBounds;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.StructType;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link FieldBounds} over the files of one manifest, from the bounds its manifest-list entry
 * records (column bounds keyed by column id, or partition bounds keyed by partition field id).
 */
final class ManifestBounds implements FieldBounds {
  private final long rowCount;
  private final Map<Integer, ColumnStats> bounds;
  private final Map<Integer, NestedField> fields;

  /**
   * @param rowCount the rows (for column bounds) or files (for partition bounds) the bounds cover
   * @param fields the fields the bounds are keyed by, by id ({@link #index}: of the table schema or
   *     the partition type)
   */
  ManifestBounds(long rowCount, Map<Integer, ColumnStats> bounds, Map<Integer, NestedField> fields) {
    this.rowCount = rowCount;
    this.bounds = bounds;
    this.fields = fields;
  }

  /** The fields of a struct by id, and with {@code nested} those of the structs in it: built once per plan. */
  static Map<Integer, NestedField> index(StructType struct, boolean nested) {
    Map<Integer, NestedField> fields = new HashMap<>();
    index(struct, nested, fields);
    return fields;
  }

  private static void index(StructType struct, boolean nested, Map<Integer, NestedField> into) {
    for (NestedField f : struct.fields()) {
      into.put(f.id(), f);
      if (nested && f.type() instanceof StructType s) {
        index(s, true, into);
      }
    }
  }

  @Override
  public Long rowCount() {
    return rowCount;
  }

  @Override
  public Long nullCount(int fieldId) {
    ColumnStats s = bounds.get(fieldId);
    return s == null ? null : s.nullCount();
  }

  @Override
  public Long nanCount(int fieldId) {
    ColumnStats s = bounds.get(fieldId);
    return s == null ? null : s.nanCount();
  }

  @Override
  public Object lower(int fieldId) {
    ColumnStats s = bounds.get(fieldId);
    return s == null ? null : decode(fieldId, s.min());
  }

  @Override
  public Object upper(int fieldId) {
    ColumnStats s = bounds.get(fieldId);
    return s == null ? null : decode(fieldId, s.max());
  }

  private Object decode(int fieldId, Object json) {
    NestedField field = fields.get(fieldId);
    if (json == null || field == null || field.type().isNested()) {
      return null;
    }
    try {
      return JsonValues.fromJson(field.type(), json);
    } catch (InvalidArgumentException e) {
      return null; // an undecodable bound bounds nothing
    }
  }
}

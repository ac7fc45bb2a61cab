package io.tidemark.core.internal.expr;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;

/** {@link FieldBounds} of a data file from its {@code add} action's statistics. Not thread-safe. */
final class AddFileBounds implements FieldBounds {
  private final AddFile file;
  private final Schema schema;

  AddFileBounds(AddFile file, Schema schema) {
    this.file = file;
    this.schema = schema;
  }

  @Override
  public Long rowCount() {
    return file.recordCount();
  }

  @Override
  public Long nullCount(int fieldId) {
    ColumnStats stats = file.stats().get(fieldId);
    return stats == null ? null : stats.nullCount();
  }

  @Override
  public Long nanCount(int fieldId) {
    ColumnStats stats = file.stats().get(fieldId);
    return stats == null ? null : stats.nanCount();
  }

  @Override
  public Object lower(int fieldId) {
    ColumnStats stats = file.stats().get(fieldId);
    return stats == null ? null : decode(fieldId, stats.min());
  }

  @Override
  public Object upper(int fieldId) {
    ColumnStats stats = file.stats().get(fieldId);
    return stats == null ? null : decode(fieldId, stats.max());
  }

  private Object decode(int fieldId, Object json) {
    if (json == null) {
      return null;
    }
    NestedField field = schema.findField(fieldId);
    if (field == null) {
      return null;
    }
    Type type = field.type();
    if (type.isNested()) {
      return null;
    }
    try {
      Object value = JsonValues.fromJson(type, json);
      return Literals.isNaN(value) ? null : value;
    } catch (InvalidArgumentException | ClassCastException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "bounds of " + file.path();
  }
}

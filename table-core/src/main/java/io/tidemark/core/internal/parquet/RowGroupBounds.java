package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Micros;
import io.tidemark.core.internal.expr.FieldBounds;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * {@link FieldBounds} of one row group from the statistics in its file's own footer, for the
 * top-level columns whose stored form maps one to one onto the field's type: int, long, date
 * and timestamps in microseconds. Every other column is unknown: strings are left out because
 * Parquet orders them by unsigned bytes, which need not be the order filters compare them in,
 * and floating-point columns because Parquet's bounds do not tell NaN apart. A scan uses these
 * bounds to prove that every row of a row group matches its filter; unknown only costs a check
 * per row. Not thread-safe.
 */
final class RowGroupBounds implements FieldBounds {
  private final Map<Integer, Integer> columnOfField;
  private final List<ColumnDescriptor> columns;
  private final Schema schema;
  private BlockMetaData block;

  /**
   * @param fileSchema the file's Parquet schema, with field ids
   * @param schema the Tidemark schema the bounds are read as (the scan's read schema)
   */
  RowGroupBounds(MessageType fileSchema, Schema schema) {
    this.schema = schema;
    this.columns = fileSchema.getColumns();
    this.columnOfField = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDescriptor c = columns.get(i);
      if (c.getPath().length == 1 && c.getPrimitiveType().getId() != null) {
        columnOfField.put(c.getPrimitiveType().getId().intValue(), i);
      }
    }
  }

  /** Points these bounds at a row group of the file. */
  RowGroupBounds of(BlockMetaData rowGroup) {
    this.block = rowGroup;
    return this;
  }

  @Override
  public Long rowCount() {
    return block.getRowCount();
  }

  @Override
  public Long nullCount(int fieldId) {
    Statistics<?> s = statistics(fieldId);
    return s == null || !s.isNumNullsSet() ? null : s.getNumNulls();
  }

  @Override
  public Long nanCount(int fieldId) {
    return null;
  }

  @Override
  public Object lower(int fieldId) {
    Statistics<?> s = statistics(fieldId);
    return s == null || !s.hasNonNullValue() ? null : value(fieldId, s.genericGetMin());
  }

  @Override
  public Object upper(int fieldId) {
    Statistics<?> s = statistics(fieldId);
    return s == null || !s.hasNonNullValue() ? null : value(fieldId, s.genericGetMax());
  }

  private Statistics<?> statistics(int fieldId) {
    Integer column = columnOfField.get(fieldId);
    if (column == null) {
      return null;
    }
    var chunk = block.getColumns().get(column);
    if (!Arrays.equals(chunk.getPath().toArray(), columns.get(column).getPath())) {
      return null;
    }
    Statistics<?> s = chunk.getStatistics();
    return s == null || s.isEmpty() ? null : s;
  }

  /** The bound as a value of the field's type, or null when this column's form is not one handled. */
  private Object value(int fieldId, Object stored) {
    NestedField field = schema.findField(fieldId);
    if (field == null || !(field.type() instanceof PrimitiveType type)) {
      return null;
    }
    org.apache.parquet.schema.PrimitiveType column = columns.get(columnOfField.get(fieldId)).getPrimitiveType();
    PrimitiveTypeName physical = column.getPrimitiveTypeName();
    LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
    switch (type) {
      case INT:
        return physical == PrimitiveTypeName.INT32 && plainInteger(logical, 32) && stored instanceof Integer ? stored : null;
      case LONG:
        return physical == PrimitiveTypeName.INT64 && plainInteger(logical, 64) && stored instanceof Long ? stored : null;
      case DATE:
        return physical == PrimitiveTypeName.INT32 && logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
            && stored instanceof Integer days ? LocalDate.ofEpochDay(days) : null;
      case TIMESTAMP:
        return micros(physical, logical, true) && stored instanceof Long m ? Micros.toInstant(m) : null;
      case TIMESTAMP_NTZ:
        return micros(physical, logical, false) && stored instanceof Long m ? Micros.toLocalDateTime(m) : null;
      default:
        return null;
    }
  }

  private static boolean plainInteger(LogicalTypeAnnotation logical, int width) {
    return logical == null || (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
        && i.isSigned() && i.getBitWidth() == width);
  }

  private static boolean micros(PrimitiveTypeName physical, LogicalTypeAnnotation logical, boolean utc) {
    return physical == PrimitiveTypeName.INT64 && logical instanceof TimestampLogicalTypeAnnotation t
        && t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS && t.isAdjustedToUTC() == utc;
  }
}

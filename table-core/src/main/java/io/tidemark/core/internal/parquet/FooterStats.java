package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Micros;
import io.tidemark.core.internal.parquet.ValueWriters.Column;
import io.tidemark.core.internal.parquet.ValueWriters.FloatingLeaf;
import io.tidemark.core.internal.parquet.ValueWriters.Leaf;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data file's column statistics, from the row-group statistics Parquet keeps in the footer of
 * the file it has just written. Parquet compares every value for those anyway, so the writers
 * need not: they only count what Parquet does not record exactly. Null counts are the writers'
 * own. Parquet orders each column as the statistics must: signed integers, false before true,
 * unsigned bytes for strings (UTF-8 byte order is code point order) and binaries, signed
 * big-endian integers for fixed-length decimals; the row groups' bounds are merged here in that
 * same order. Floats and doubles differ by column order. In IEEE 754 total order (parquet 1.18's
 * default) the bounds are exact and NaN only when the row group has no other value. In the
 * type-defined order NaN is left out, and a zero bound is widened to -0.0 (lower) or +0.0
 * (upper) whichever zero was written. Either way the writers count NaN, and note the zeros they
 * write so that a zero bound gets the sign of the zeros written.
 *
 * <p>The planner skips files by these bounds, so a wrong bound loses rows while a missing one
 * only costs a read. A column gets no bounds unless every row group's statistics give a bound of
 * the expected type or say that it holds only nulls (and NaN), and Parquet's null count agrees
 * with the writer's.
 */
final class FooterStats {
  private static final Logger LOG = LoggerFactory.getLogger(FooterStats.class);

  private FooterStats() {}

  /**
   * The statistics of the tracked columns, keyed by field id in their order.
   *
   * @param tracked the writers of the columns not inside a list or a map, with their counts
   * @param footer the footer of the file they wrote
   * @param location the file's location, for log messages
   */
  static Map<Integer, ColumnStats> of(Leaf[] tracked, ParquetMetadata footer, String location) {
    Map<Integer, ColumnStats> out = new LinkedHashMap<>();
    List<BlockMetaData> rowGroups = footer.getBlocks();
    for (Leaf leaf : tracked) {
      Long nanCount = leaf instanceof FloatingLeaf f ? f.nanCount : null;
      Object[] bounds = bounds(leaf.column, leaf.nullCount, leaf instanceof FloatingLeaf g ? g : null, rowGroups,
          location);
      out.put(leaf.column.id(), bounds == null
          ? new ColumnStats(leaf.nullCount, nanCount, null, null)
          : new ColumnStats(leaf.nullCount, nanCount, bounds[0], bounds[1]));
    }
    return out;
  }

  /**
   * The statistics of a file no Tidemark writer wrote (an import): only Parquet's own counts, so
   * float and double columns, whose NaN and zero signs Parquet may not record, get none.
   *
   * @param columns the file's columns not inside a list or a map, with their Tidemark types
   */
  static Map<Integer, ColumnStats> ofFooter(List<Column> columns, ParquetMetadata footer, String location) {
    Map<Integer, ColumnStats> out = new LinkedHashMap<>();
    List<BlockMetaData> rowGroups = footer.getBlocks();
    for (Column column : columns) {
      Physical physical = Physical.of(column.type());
      if (physical == Physical.FLOAT || physical == Physical.DOUBLE) {
        continue;
      }
      long nulls = 0;
      boolean counted = true;
      for (BlockMetaData rowGroup : rowGroups) {
        Statistics<?> s = rowGroup.getColumns().get(column.index()).getStatistics();
        if (s == null || s.isEmpty() || !s.isNumNullsSet()) {
          counted = false;
          break;
        }
        nulls += s.getNumNulls();
      }
      if (!counted) {
        continue;
      }
      Object[] bounds = bounds(column, nulls, null, rowGroups, location);
      out.put(column.id(), bounds == null ? new ColumnStats(nulls, null, null, null)
          : new ColumnStats(nulls, null, bounds[0], bounds[1]));
    }
    return out;
  }

  /**
   * The JSON lower and upper bound (either may be null), or null for none.
   *
   * @param nullCount the nulls written, which Parquet's counts must agree with
   * @param floating the counts of a float or double column's writer, else null
   */
  private static Object[] bounds(Column column, long nullCount, FloatingLeaf floating, List<BlockMetaData> rowGroups,
      String location) {
    Physical physical = Physical.of(column.type());
    Object min = null;
    Object max = null;
    long nulls = 0;
    for (BlockMetaData rowGroup : rowGroups) {
      ColumnChunkMetaData chunk = rowGroup.getColumns().get(column.index());
      if (!chunk.getPath().toDotString().equals(column.path())) {
        throw new IllegalStateException("column " + column.index() + " of " + location + " is "
            + chunk.getPath().toDotString() + ", not " + column.path());
      }
      Statistics<?> s = chunk.getStatistics();
      if (s == null || s.isEmpty() || !s.isNumNullsSet()) {
        return noBounds(column, location, "a row group has no statistics");
      }
      nulls += s.getNumNulls();
      if (!s.hasNonNullValue() || (physical.isNaN(s.genericGetMin()) && physical.isNaN(s.genericGetMax()))) {
        // Then every value of the row group must be null or NaN.
        long values = chunk.getValueCount() - s.getNumNulls();
        long nans = s.isNanCountSet() ? s.getNanCount() : 0;
        if (values != nans) {
          return noBounds(column, location, "a row group has " + values + " values but no bounds");
        }
        continue;
      }
      Object lower = physical.value(s.genericGetMin());
      Object upper = physical.value(s.genericGetMax());
      if (lower == null || upper == null) {
        return noBounds(column, location, "a row group has bounds " + s.genericGetMin() + " and " + s.genericGetMax());
      }
      if (min == null || physical.compare(lower, min) < 0) {
        min = lower;
      }
      if (max == null || physical.compare(upper, max) > 0) {
        max = upper;
      }
    }
    if (nulls != nullCount) {
      return noBounds(column, location, "Parquet counts " + nulls + " nulls, the writer " + nullCount);
    }
    if (min == null) {
      return null;
    }
    if (floating != null) {
      FloatingLeaf f = floating;
      min = signedZero(min, f, true);
      max = signedZero(max, f, false);
      if (min == null || max == null) {
        return noBounds(column, location, "a zero bound but no zero written");
      }
    }
    return json(column.type(), min, max);
  }

  private static Object[] noBounds(Column column, String location, String why) {
    LOG.warn("column {} of data file {} gets no bounds: {}", column.path(), location, why);
    return null;
  }

  /**
   * A zero bound with the sign of the zeros written: the lower bound is -0.0 when a -0.0 was
   * written, the upper bound +0.0 when a +0.0 was; null when no zero was written.
   */
  private static Object signedZero(Object bound, FloatingLeaf leaf, boolean lower) {
    if (((Number) bound).doubleValue() != 0) {
      return bound;
    }
    if (!leaf.negativeZero && !leaf.positiveZero) {
      return null;
    }
    boolean negative = lower ? leaf.negativeZero : !leaf.positiveZero;
    if (bound instanceof Float) {
      return negative ? -0.0f : 0.0f;
    }
    return negative ? -0.0d : 0.0d;
  }

  /** The JSON forms of bounds in their Parquet form, truncating strings and binaries. */
  private static Object[] json(Type type, Object min, Object max) {
    if (type instanceof DecimalType d) {
      return new Object[] {JsonValues.toJson(d, decimal(d, min)), JsonValues.toJson(d, decimal(d, max))};
    }
    switch ((PrimitiveType) type) {
      case DATE:
        return new Object[] {JsonValues.toJson(type, LocalDate.ofEpochDay((Integer) min)),
            JsonValues.toJson(type, LocalDate.ofEpochDay((Integer) max))};
      case TIMESTAMP:
        return new Object[] {JsonValues.toJson(type, Micros.toInstant((Long) min)),
            JsonValues.toJson(type, Micros.toInstant((Long) max))};
      case TIMESTAMP_NTZ:
        return new Object[] {JsonValues.toJson(type, Micros.toLocalDateTime((Long) min)),
            JsonValues.toJson(type, Micros.toLocalDateTime((Long) max))};
      case STRING:
        return new Object[] {BoundTruncation.lowerBound(new String((byte[]) min, StandardCharsets.UTF_8)),
            BoundTruncation.upperBound(new String((byte[]) max, StandardCharsets.UTF_8))};
      case BINARY:
        return new Object[] {JsonValues.toJson(type, BoundTruncation.lowerBound(ByteBuffer.wrap((byte[]) min))),
            JsonValues.toJson(type, BoundTruncation.upperBound(ByteBuffer.wrap((byte[]) max)))};
      default:
        // boolean, int, long, float, double: the Parquet value is the Java value
        return new Object[] {JsonValues.toJson(type, min), JsonValues.toJson(type, max)};
    }
  }

  private static BigDecimal decimal(DecimalType type, Object unscaled) {
    if (unscaled instanceof Integer i) {
      return BigDecimal.valueOf(i, type.scale());
    } else if (unscaled instanceof Long l) {
      return BigDecimal.valueOf(l, type.scale());
    }
    return new BigDecimal(new BigInteger((byte[]) unscaled), type.scale());
  }

  /** How a column is stored, and so how its Parquet bounds read and compare. */
  private enum Physical {
    BOOLEAN, INT32, INT64, FLOAT, DOUBLE, BYTES, FIXED_DECIMAL;

    static Physical of(Type type) {
      if (type instanceof DecimalType d) {
        return d.precision() <= 9 ? INT32 : d.precision() <= 18 ? INT64 : FIXED_DECIMAL;
      }
      switch ((PrimitiveType) type) {
        case BOOLEAN:
          return BOOLEAN;
        case INT:
        case DATE:
          return INT32;
        case LONG:
        case TIMESTAMP:
        case TIMESTAMP_NTZ:
          return INT64;
        case FLOAT:
          return FLOAT;
        case DOUBLE:
          return DOUBLE;
        case STRING:
        case BINARY:
          return BYTES;
        default:
          throw new IllegalStateException("unhandled type " + type);
      }
    }

    boolean isNaN(Object bound) {
      return (this == FLOAT && bound instanceof Float f && f.isNaN())
          || (this == DOUBLE && bound instanceof Double d && d.isNaN());
    }

    /** A Parquet bound as the Java value compared and converted here, or null when it is not one. */
    Object value(Object bound) {
      switch (this) {
        case BOOLEAN:
          return bound instanceof Boolean ? bound : null;
        case INT32:
          return bound instanceof Integer ? bound : null;
        case INT64:
          return bound instanceof Long ? bound : null;
        case FLOAT:
          return bound instanceof Float f && !f.isNaN() ? f : null;
        case DOUBLE:
          return bound instanceof Double d && !d.isNaN() ? d : null;
        default:
          return bound instanceof Binary b ? b.getBytes() : null;
      }
    }

    int compare(Object a, Object b) {
      switch (this) {
        case BOOLEAN:
          return Boolean.compare((Boolean) a, (Boolean) b);
        case INT32:
          return Integer.compare((Integer) a, (Integer) b);
        case INT64:
          return Long.compare((Long) a, (Long) b);
        case FLOAT:
          return Float.compare((Float) a, (Float) b);
        case DOUBLE:
          return Double.compare((Double) a, (Double) b);
        case BYTES:
          return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
        default:
          return new BigInteger((byte[]) a).compareTo(new BigInteger((byte[]) b));
      }
    }
  }
}

package io.tidemark.spark;

import io.tidemark.core.DataFile;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the partitions some data files were written to, as a filter on the source columns:
 * what a dynamic partition overwrite replaces. {@code identity}, {@code year}, {@code month},
 * {@code day}, {@code hour} and {@code truncate} of numbers and strings have such a filter;
 * {@code bucket} and {@code void} do not, and are refused.
 */
final class PartitionFilters {
  private PartitionFilters() {}

  /** The filter matching exactly the rows of the files' partitions; null when there are no files. */
  static Expression of(Schema schema, PartitionSpec spec, List<DataFile> files) {
    if (spec.isUnpartitioned()) {
      return files.isEmpty() ? null : Expressions.alwaysTrue(); // one partition: the whole table
    }
    Set<Map<String, Object>> partitions = new LinkedHashSet<>();
    for (DataFile f : files) {
      partitions.add(f.partitionValues());
    }
    Expression any = null;
    for (Map<String, Object> values : partitions) {
      Expression all = Expressions.alwaysTrue();
      for (PartitionField field : spec.fields()) {
        NestedField source = field.source(schema);
        NestedField top = schema.findColumn(source.name());
        if (top == null || top.id() != source.id()) {
          throw new UnsupportedFeatureException("dynamic partition overwrite of a table partitioned by a nested field ("
              + field.name() + ") is not supported yet");
        }
        all = Expressions.and(all, ofValue(source, field, values.get(field.name())));
      }
      any = any == null ? all : Expressions.or(any, all);
    }
    return any;
  }

  private static Expression ofValue(NestedField source, PartitionField field, Object value) {
    String column = source.name();
    String transform = field.transform().name();
    if (transform.equals("bucket") || transform.equals("void")) {
      throw new UnsupportedFeatureException("dynamic partition overwrite of a table partitioned by " + field.transform()
          + " is not supported yet: overwrite by a filter on '" + column + "' instead");
    }
    if (value == null) {
      return Expressions.isNull(column);
    }
    switch (transform) {
      case "identity":
        return Expressions.equal(column, value);
      case "truncate": {
        int width = field.transform().parameter();
        if (value instanceof Number n && (source.type() == PrimitiveType.INT || source.type() == PrimitiveType.LONG)) {
          return range(column, n.longValue(), n.longValue() + width);
        }
        if (value instanceof String s && source.type() == PrimitiveType.STRING) {
          return s.codePointCount(0, s.length()) < width ? Expressions.equal(column, s)
              : Expressions.startsWith(column, s);
        }
        throw new UnsupportedFeatureException("dynamic partition overwrite of " + field.transform() + " on a "
            + source.type() + " column is not supported yet");
      }
      default:
        return timeRange(source, field, value);
    }
  }

  private static Expression timeRange(NestedField source, PartitionField field, Object value) {
    LocalDateTime start;
    LocalDateTime end;
    LocalDate epoch = LocalDate.of(1970, 1, 1);
    switch (field.transform().name()) {
      case "day" -> {
        start = LocalDate.parse(value.toString()).atStartOfDay();
        end = start.plusDays(1);
      }
      case "year" -> {
        start = epoch.plusYears(((Number) value).longValue()).atStartOfDay();
        end = start.plusYears(1);
      }
      case "month" -> {
        start = epoch.plusMonths(((Number) value).longValue()).atStartOfDay();
        end = start.plusMonths(1);
      }
      case "hour" -> {
        start = LocalDateTime.ofEpochSecond(((Number) value).longValue() * 3600, 0, ZoneOffset.UTC);
        end = start.plusHours(1);
      }
      default -> throw new UnsupportedFeatureException("dynamic partition overwrite of " + field.transform()
          + " is not supported yet");
    }
    String column = source.name();
    if (source.type() == PrimitiveType.DATE) {
      return range(column, start.toLocalDate(), end.toLocalDate());
    }
    if (source.type() == PrimitiveType.TIMESTAMP_NTZ) {
      return range(column, start, end);
    }
    Instant from = start.toInstant(ZoneOffset.UTC);
    Instant to = end.toInstant(ZoneOffset.UTC);
    return range(column, from, to);
  }

  private static Expression range(String column, Object fromInclusive, Object toExclusive) {
    return Expressions.and(Expressions.greaterThanOrEqual(column, fromInclusive),
        Expressions.lessThan(column, toExclusive));
  }
}

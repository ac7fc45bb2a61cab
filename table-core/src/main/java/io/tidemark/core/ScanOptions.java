package io.tidemark.core;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import java.time.Instant;
import java.util.List;

/** What a scan was asked for: columns, filter and which snapshot. */
record ScanOptions(List<String> columns, Expression filter, Long version, Instant timestamp) {
  static final ScanOptions DEFAULT = new ScanOptions(null, null, null, null);

  ScanOptions withColumns(List<String> names) {
    return new ScanOptions(List.copyOf(names), filter, version, timestamp);
  }

  ScanOptions withFilter(Expression more) {
    return new ScanOptions(columns, filter == null ? more : Expressions.and(filter, more), version, timestamp);
  }

  ScanOptions atVersion(long v) {
    return new ScanOptions(columns, filter, v, null);
  }

  ScanOptions atTimestamp(Instant t) {
    return new ScanOptions(columns, filter, null, t);
  }
}

package io.tidemark.core;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import java.time.Instant;
import java.util.List;

/** What a scan was asked for: columns, filter, which snapshot, and how many files to read at once. */
record ScanOptions(List<String> columns, Expression filter, Long version, Instant timestamp, int threads) {
  static final ScanOptions DEFAULT = new ScanOptions(null, null, null, null, 1);

  ScanOptions withColumns(List<String> names) {
    return new ScanOptions(List.copyOf(names), filter, version, timestamp, threads);
  }

  ScanOptions withFilter(Expression more) {
    return new ScanOptions(columns, filter == null ? more : Expressions.and(filter, more), version, timestamp,
        threads);
  }

  ScanOptions atVersion(long v) {
    return new ScanOptions(columns, filter, v, null, threads);
  }

  ScanOptions atTimestamp(Instant t) {
    return new ScanOptions(columns, filter, null, t, threads);
  }

  ScanOptions withThreads(int n) {
    return new ScanOptions(columns, filter, version, timestamp, n);
  }
}

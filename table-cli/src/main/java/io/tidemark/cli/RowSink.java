package io.tidemark.cli;

import io.tidemark.core.data.Record;

/** Prints rows (of a scan or a query) in one output format. */
interface RowSink {
  /** Prints one row: its values in column order, as {@link Values} knows them. */
  void row(Object[] values);

  /** Prints one scanned row. */
  default void row(Record record) {
    Object[] values = new Object[record.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = record.get(i);
    }
    row(values);
  }

  /** Prints whatever ends the output and flushes. */
  void finish();
}

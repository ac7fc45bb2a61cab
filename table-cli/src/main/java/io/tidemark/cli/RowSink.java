package io.tidemark.cli;

import io.tidemark.core.data.Record;

/** Prints scanned rows in one output format. */
interface RowSink {
  /** Prints one row. */
  void row(Record record);

  /** Prints whatever ends the output and flushes. */
  void finish();
}

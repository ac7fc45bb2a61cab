package io.tidemark.cli;

import io.tidemark.core.Scan;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import java.io.PrintWriter;

/** Runs a scan and prints its rows; shared by {@code scan} and {@code demo}. */
final class ScanPrinter {
  private ScanPrinter() {}

  /**
   * Prints at most {@code limit} rows of the scan.
   *
   * @return the number of rows printed
   */
  static long print(Scan scan, OutputFormat format, long limit, PrintWriter out) {
    RowSink sink = format.open(scan.schema(), out);
    long printed = 0;
    try (CloseableIterable<Record> rows = scan.records(); CloseableIterator<Record> it = rows.iterator()) {
      while (printed < limit && it.hasNext()) {
        sink.row(it.next());
        printed++;
      }
    }
    sink.finish();
    return printed;
  }
}

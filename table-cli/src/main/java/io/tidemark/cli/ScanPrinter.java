package io.tidemark.cli;

import io.tidemark.core.Scan;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import java.io.PrintWriter;

/**
 * Runs a scan and prints its rows; shared by {@code scan} and {@code demo}. A scan that fails
 * after printing has begun says on stderr that the output is incomplete, since CSV and JSON Lines
 * have no ending that would show it.
 */
final class ScanPrinter {
  private ScanPrinter() {}

  /**
   * Prints at most {@code limit} rows of the scan.
   *
   * @return the number of rows printed
   * @throws CliException when reading failed after printing began (the output is incomplete)
   */
  static long print(Scan scan, OutputFormat format, long limit, PrintWriter out) {
    return print(scan, format, limit, TableRowSink.DEFAULT_MAX_WIDTH, 0, out);
  }

  /**
   * Prints at most {@code limit} rows, table values cut to {@code maxWidth} characters and table
   * lines to {@code lineWidth} (0: whole).
   */
  static long print(Scan scan, OutputFormat format, long limit, int maxWidth, int lineWidth, PrintWriter out) {
    RowSink sink = format.open(scan.schema(), out, maxWidth, lineWidth);
    long printed = 0;
    try (CloseableIterable<Record> rows = scan.records(); CloseableIterator<Record> it = rows.iterator()) {
      while (printed < limit && it.hasNext()) {
        sink.row(it.next());
        printed++;
      }
    } catch (OutputClosedException e) {
      throw e; // the reader went away: stop reading at once
    } catch (RuntimeException e) {
      out.flush();
      throw new CliException("the output is incomplete: the scan failed after " + printed
          + (printed == 1 ? " row: " : " rows: ") + ErrorHandler.message(e), e);
    }
    sink.finish();
    return printed;
  }
}

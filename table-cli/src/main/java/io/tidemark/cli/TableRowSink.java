package io.tidemark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as an aligned text table (numbers right-aligned, null shown as {@code NULL}), then a row
 * count. Values wider than the limit are cut with {@code …}, so one huge value cannot pad every
 * line of the output to its width.
 */
final class TableRowSink implements RowSink {
  /** The most characters a value shows unless {@code --max-width} says otherwise. */
  static final int DEFAULT_MAX_WIDTH = 40;

  /** Rows looked at to size the columns; later rows stream with those widths. */
  private static final int SIZING_ROWS = 1000;

  private final PrintWriter out;
  private final TextTable table;
  private final int maxWidth;
  private long rows;

  /**
   * @param numeric per column, true to align it right
   * @param lineWidth the most characters a line shows (the terminal's width), 0 for no limit
   */
  TableRowSink(List<String> names, boolean[] numeric, PrintWriter out, int maxWidth, int lineWidth) {
    this.out = out;
    this.maxWidth = maxWidth;
    this.table = new TextTable(out, names, numeric, SIZING_ROWS, lineWidth);
  }

  @Override
  public void row(Object[] values) {
    List<String> cells = new ArrayList<>(values.length);
    for (Object value : values) {
      cells.add(Values.truncate(Values.display(value), maxWidth));
    }
    table.row(cells);
    rows++;
  }

  @Override
  public void finish() {
    table.finish();
    out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
    out.flush();
  }
}

package io.tidemark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as aligned columns under a header and a dashed rule. Column widths come from the
 * header and the first {@code bufferRows} rows; later rows are printed as they come, with the
 * same widths (a longer value then shifts the rest of its line).
 */
final class TextTable {
  private static final String GAP = "  ";

  private final PrintWriter out;
  private final List<String> header;
  private final boolean[] rightAligned;
  private final int bufferRows;
  private final int lineWidth;
  private final List<List<String>> buffered = new ArrayList<>();
  private int[] widths;

  /**
   * @param rightAligned per column, true to align it right (numbers)
   * @param bufferRows how many rows to look at before fixing the widths
   */
  TextTable(PrintWriter out, List<String> header, boolean[] rightAligned, int bufferRows) {
    this(out, header, rightAligned, bufferRows, 0);
  }

  /** @param lineWidth the most characters a line shows (the terminal's width), 0 for no limit */
  TextTable(PrintWriter out, List<String> header, boolean[] rightAligned, int bufferRows, int lineWidth) {
    this.out = out;
    this.header = List.copyOf(header);
    this.rightAligned = rightAligned.clone();
    this.bufferRows = bufferRows;
    this.lineWidth = lineWidth;
  }

  /** Adds a row of cells, one per header column. */
  void row(List<String> cells) {
    if (widths != null) {
      print(cells);
      return;
    }
    buffered.add(cells);
    if (buffered.size() >= bufferRows) {
      flush();
    }
  }

  /** Prints what is still buffered (the header at least). */
  void finish() {
    if (widths == null) {
      flush();
    }
    out.flush();
  }

  private void flush() {
    widths = new int[header.size()];
    measure(header);
    buffered.forEach(this::measure);
    print(header);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    print(rule);
    buffered.forEach(this::print);
    buffered.clear();
  }

  private void measure(List<String> cells) {
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(widths[i], cells.get(i).length());
    }
  }

  private void print(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        line.append(GAP);
      }
      String cell = cells.get(i);
      String pad = " ".repeat(Math.max(0, widths[i] - cell.length()));
      line.append(rightAligned[i] ? pad + cell : cell + pad);
    }
    out.println(Values.truncate(line.toString().stripTrailing(), lineWidth));
  }
}

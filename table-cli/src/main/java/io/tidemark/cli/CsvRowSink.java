package io.tidemark.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Rows as CSV: a header row of column names, {@code \n} line ends (as Unix tools expect; RFC 4180
 * readers accept them too), fields quoted when they
 * hold a comma, quote or line break. Null is an empty field; the empty string is {@code ""}, so
 * {@code tidemark append} reads the output back to the same values.
 */
final class CsvRowSink implements RowSink {
  private static final char NEWLINE = '\n';

  private final PrintWriter out;

  CsvRowSink(List<String> names, PrintWriter out) {
    this.out = out;
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      append(line, names.get(i), i == 0);
    }
    end(line);
  }

  @Override
  public void row(Object[] values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      append(line, Values.text(values[i]), i == 0);
    }
    end(line);
  }

  @Override
  public void finish() {
    out.flush();
  }

  private static void append(StringBuilder line, String text, boolean first) {
    if (!first) {
      line.append(',');
    }
    line.append(field(text));
  }

  private void end(StringBuilder line) {
    out.print(line);
    out.print(NEWLINE);
  }

  /** One field: empty for null, quoted when needed. */
  static String field(String text) {
    if (text == null) {
      return "";
    }
    if (text.isEmpty()) {
      return "\"\"";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }
}

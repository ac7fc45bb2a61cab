package io.tidemark.cli;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
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

  CsvRowSink(Schema schema, PrintWriter out) {
    this.out = out;
    StringBuilder line = new StringBuilder();
    List<NestedField> columns = schema.columns();
    for (int i = 0; i < columns.size(); i++) {
      append(line, columns.get(i).name(), i == 0);
    }
    end(line);
  }

  @Override
  public void row(Record record) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < record.size(); i++) {
      append(line, Values.text(record.get(i)), i == 0);
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

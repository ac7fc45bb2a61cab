package io.tidemark.cli;

import io.tidemark.spec.types.Schema;
import java.io.PrintWriter;
import java.util.Locale;

/** The forms {@code scan} prints rows in. */
enum OutputFormat {
  /** Aligned columns under a header, then a row count. */
  TABLE,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** JSON Lines: one object per row. */
  JSON;

  /**
   * A sink printing rows of this schema in this format.
   *
   * @param maxWidth for {@link #TABLE}, the most characters a value shows (0: no limit)
   */
  RowSink open(Schema schema, PrintWriter out, int maxWidth) {
    return switch (this) {
      case TABLE -> new TableRowSink(schema, out, maxWidth);
      case CSV -> new CsvRowSink(schema, out);
      case JSON -> new JsonRowSink(schema, out);
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

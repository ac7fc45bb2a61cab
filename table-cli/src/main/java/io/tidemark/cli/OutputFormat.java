package io.tidemark.cli;

import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The forms {@code scan} and {@code sql} print rows in. */
enum OutputFormat {
  /** Aligned columns under a header, then a row count. */
  TABLE,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** JSON Lines: one object per row. */
  JSON,
  /** A Parquet file ({@code --output}); not a stream, so {@link #open} has no sink for it. */
  PARQUET;

  /**
   * A sink printing rows of this schema in this format.
   *
   * @param maxWidth for {@link #TABLE}, the most characters a value shows (0: no limit)
   * @param lineWidth for {@link #TABLE}, the most characters a line shows (0: no limit)
   */
  RowSink open(Schema schema, PrintWriter out, int maxWidth, int lineWidth) {
    List<NestedField> columns = schema.columns();
    boolean[] numeric = new boolean[columns.size()];
    for (int i = 0; i < numeric.length; i++) {
      numeric[i] = isNumeric(columns.get(i).type());
    }
    return open(columns.stream().map(NestedField::name).toList(), numeric, out, maxWidth, lineWidth);
  }

  /**
   * A sink printing rows of these columns in this format.
   *
   * @param numeric per column, whether it holds numbers (aligned right in a table)
   * @param maxWidth for {@link #TABLE}, the most characters a value shows (0: no limit)
   * @param lineWidth for {@link #TABLE}, the most characters a line shows (0: no limit)
   */
  RowSink open(List<String> names, boolean[] numeric, PrintWriter out, int maxWidth, int lineWidth) {
    return switch (this) {
      case TABLE -> new TableRowSink(names, numeric, out, maxWidth, lineWidth);
      case CSV -> new CsvRowSink(names, out);
      case JSON -> new JsonRowSink(names, out);
      case PARQUET -> throw new IllegalStateException("parquet is written to a file, not printed");
    };
  }

  private static boolean isNumeric(Type type) {
    return type instanceof DecimalType || type == PrimitiveType.INT || type == PrimitiveType.LONG
        || type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

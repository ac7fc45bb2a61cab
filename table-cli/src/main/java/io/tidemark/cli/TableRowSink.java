package io.tidemark.cli;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;
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

  TableRowSink(Schema schema, PrintWriter out, int maxWidth) {
    this.out = out;
    this.maxWidth = maxWidth;
    List<NestedField> columns = schema.columns();
    boolean[] right = new boolean[columns.size()];
    for (int i = 0; i < right.length; i++) {
      right[i] = isNumeric(columns.get(i).type());
    }
    this.table = new TextTable(out, columns.stream().map(NestedField::name).toList(), right, SIZING_ROWS);
  }

  private static boolean isNumeric(Type type) {
    return type instanceof DecimalType || type == PrimitiveType.INT || type == PrimitiveType.LONG
        || type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
  }

  @Override
  public void row(Record record) {
    List<String> cells = new ArrayList<>(record.size());
    for (int i = 0; i < record.size(); i++) {
      cells.add(Values.truncate(Values.display(record.get(i)), maxWidth));
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

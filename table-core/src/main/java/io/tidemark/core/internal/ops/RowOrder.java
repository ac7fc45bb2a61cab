package io.tidemark.core.internal.ops;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Comparators;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import java.util.Comparator;
import java.util.List;

/** The order of rows by top-level primitive columns, ascending, nulls first. */
final class RowOrder {
  private RowOrder() {}

  /**
   * @throws InvalidArgumentException when a name is not a top-level primitive column
   */
  static Comparator<Record> of(Schema schema, List<String> columns) {
    Comparator<Record> order = null;
    for (String name : columns) {
      NestedField field = schema.column(name);
      if (field.type().isNested()) {
        throw new InvalidArgumentException("cannot sort by column '" + name + "' of type " + field.type()
            + "; sort by primitive columns");
      }
      int position = schema.columns().indexOf(field);
      Comparator<Object> values = Comparator.nullsFirst(Comparators.forType(field.type()));
      Comparator<Record> byColumn = (a, b) -> values.compare(a.get(position), b.get(position));
      order = order == null ? byColumn : order.thenComparing(byColumn);
    }
    return order;
  }
}

package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/** Rows as JSON Lines: one object per line, keys in column order (see {@link Values#json}). */
final class JsonRowSink implements RowSink {
  private final List<String> names;
  private final PrintWriter out;

  JsonRowSink(List<String> names, PrintWriter out) {
    this.names = List.copyOf(names);
    this.out = out;
  }

  @Override
  public void row(Object[] values) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    for (int i = 0; i < values.length; i++) {
      node.set(names.get(i), Values.json(values[i]));
    }
    out.println(Json.compact(node));
  }

  @Override
  public void finish() {
    out.flush();
  }
}

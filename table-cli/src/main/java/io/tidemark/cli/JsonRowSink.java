package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import java.io.PrintWriter;

/** Rows as JSON Lines: one object per line, keys in column order (see {@link Values#json}). */
final class JsonRowSink implements RowSink {
  private final PrintWriter out;

  JsonRowSink(Schema schema, PrintWriter out) {
    this.out = out;
  }

  @Override
  public void row(Record record) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    for (int i = 0; i < record.size(); i++) {
      node.set(record.struct().fields().get(i).name(), Values.json(record.get(i)));
    }
    out.println(Json.compact(node));
  }

  @Override
  public void finish() {
    out.flush();
  }
}

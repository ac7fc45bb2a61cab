package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.Change;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark changes TABLE --from V [--to W] [--json]}. */
@Command(name = "changes", header = "Lists the rows that versions of a table inserted, deleted or updated.",
    description = {"Lists the rows that versions V to W (both included; W defaults to the",
    "newest) inserted, deleted or updated, one line per row: version, commit time, change type",
    "(insert, delete, update_before, update_after) and the row. Compactions change no row."},
    footer = {"", "Examples:", "  tidemark changes /data/events --from 12", "  tidemark changes /data/events --from 12 --to 15 --json"})
final class ChangesCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--from", paramLabel = "V", required = true, description = "The first version.")
  long from;

  @Option(names = "--to", paramLabel = "W", description = "The last version (default: the newest).")
  Long to;

  @Option(names = "--json", description = "Print one JSON object per row: _version, _timestamp, _change and the"
      + " row's columns.")
  boolean json;

  @Override
  void run() {
    Table t = Tables.open(table);
    long last = to != null ? to : t.refresh().version();
    for (Change c : t.changes(from, last)) {
      Record row = c.row();
      if (json) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("_version", c.version());
        o.put("_timestamp", c.timestamp().toString());
        o.put("_change", c.type().name().toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < row.size(); i++) {
          o.set(row.struct().fields().get(i).name(), Values.json(row.get(i)));
        }
        out().println(Json.compact(o));
      } else {
        StringBuilder line = new StringBuilder().append(c.version()).append('\t').append(c.timestamp()).append('\t')
            .append(c.type().name().toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < row.size(); i++) {
          line.append('\t').append(row.struct().fields().get(i).name()).append('=').append(Values.display(row.get(i)));
        }
        out().println(line);
      }
    }
  }
}

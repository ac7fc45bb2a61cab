package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.Change;
import io.tidemark.core.Table;
import io.tidemark.core.data.Record;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark changes TABLE (--from V | --from-timestamp T) [--to W | --to-timestamp T] [--json]}. */
@Command(name = "changes", header = "Lists the rows that versions of a table inserted, deleted or updated.",
    description = {"Lists the rows that versions V to W (both included; W defaults to the",
    "newest) inserted, deleted or updated, one line per row: version, commit time, change type",
    "(insert, delete, update_before, update_after) and the row. Compactions change no row.",
    "With timestamps: the commits made from the first instant to the second, both included."},
    footer = {"", "Examples:", "  tidemark changes /data/events --from 12", "  tidemark changes /data/events --from 12 --to 15 --json",
        "  tidemark changes /data/events --from-timestamp 2024-01-02"})
final class ChangesCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  @ArgGroup(exclusive = true)
  To to;

  /** Where the changes start: exactly one of the two. */
  static final class From {
    @Option(names = "--from", paramLabel = "V", required = true, description = "The first version.")
    Long version;

    @Option(names = "--from-timestamp", paramLabel = "TIMESTAMP", required = true, converter = InstantConverter.class,
        description = "Start at the first version committed at or after this instant (written as for"
            + " 'tidemark scan --as-of').")
    Instant timestamp;
  }

  /** Where the changes end: at most one of the two. */
  static final class To {
    @Option(names = "--to", paramLabel = "W", description = "The last version (default: the newest).")
    Long version;

    @Option(names = "--to-timestamp", paramLabel = "TIMESTAMP", converter = InstantConverter.class,
        description = "End at the newest version committed at or before this instant (the one"
            + " 'tidemark scan --as-of' reads).")
    Instant timestamp;
  }

  @Option(names = "--json", description = "Print one JSON object per row: _version, _timestamp, _change and the"
      + " row's columns.")
  boolean json;

  @Override
  void run() {
    Table t = open(table);
    for (Change c : changes(t)) {
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

  private List<Change> changes(Table t) {
    Long toVersion = to != null ? to.version : null;
    Instant toTimestamp = to != null ? to.timestamp : null;
    if (from.version != null && toTimestamp == null) {
      return t.changes(from.version, toVersion != null ? toVersion : t.refresh().version());
    }
    // a timestamp on either side: the version side becomes its commit's instant, which (in-commit
    // timestamps strictly increase) selects exactly that version
    Instant start = from.timestamp != null ? from.timestamp : t.snapshot(from.version).timestamp();
    Instant end = toTimestamp != null ? toTimestamp
        : toVersion != null ? t.snapshot(toVersion).timestamp() : t.refresh().timestamp();
    if (to == null && start.isAfter(end)) {
      return List.of(); // open-ended, from after the newest commit: nothing yet
    }
    return t.changes(start, end);
  }
}

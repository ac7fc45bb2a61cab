package io.tidemark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark history TABLE [--limit N] [--json]}. */
@Command(name = "history", header = "Prints one row per version of a table, oldest first.", description = {"Prints one row per version of a table, oldest first: version,"
    + " commit timestamp (ISO-8601 UTC with milliseconds), operation, its parameters and metrics.",
    "Use a timestamp shown here with 'tidemark scan --as-of' to read the table as it was then."},
    footer = {"", "Examples:", "  tidemark history /data/orders", "  tidemark history /data/orders --limit 10 --json"})
final class HistoryCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--json", description = "Print a JSON array of objects with version, timestamp, operation,"
      + " parameters, metrics, readVersion, isolationLevel, blindAppend and engineInfo.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", description = "Only the newest N versions (still oldest first).")
  Integer limit;

  @Override
  void run() {
    if (limit != null && limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must not be negative, was " + limit);
    }
    var history = open(table).history();
    if (limit != null && history.size() > limit) {
      history = history.subList(history.size() - limit, history.size());
    }
    if (json) {
      HistoryPrinter.printJson(history, out());
    } else {
      HistoryPrinter.printTable(history, out());
    }
  }
}

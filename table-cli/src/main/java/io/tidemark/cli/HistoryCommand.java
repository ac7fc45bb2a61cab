package io.tidemark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark history TABLE [--json]}. */
@Command(name = "history", description = {"Prints one row per version of a table, oldest first: version,"
    + " commit timestamp (ISO-8601 UTC with milliseconds), operation, its parameters and metrics.",
    "Use a timestamp shown here with 'tidemark scan --as-of' to read the table as it was then."})
final class HistoryCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--json", description = "Print a JSON array of objects with version, timestamp, operation,"
      + " parameters, metrics, readVersion, isolationLevel, blindAppend and engineInfo.")
  boolean json;

  @Override
  void run() {
    var history = open(table).history();
    if (json) {
      HistoryPrinter.printJson(history, out());
    } else {
      HistoryPrinter.printTable(history, out());
    }
  }
}

package io.tidemark.cli;

import io.tidemark.core.Overwrite;
import io.tidemark.core.OverwriteResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark overwrite TABLE (--csv FILE | --json FILE) (--where EXPR | --dynamic-partitions)}. */
@Command(name = "overwrite", header = "Replaces the rows a filter or the file's partitions select, in one commit.",
    description = {"Replaces rows of a table with the rows of a CSV or JSON file in one commit",
        "(OVERWRITE): with --where, every row matching the filter is removed and the",
        "file's rows, which must all match it, are added; with --dynamic-partitions,",
        "the partitions the file's rows fall in are replaced as a whole. The file is read",
        "as 'tidemark append' reads it (same options and forms); a bad row commits nothing."},
    footer = {"", "Examples:", "  tidemark overwrite /data/orders --csv day-2.csv --where \"ts >= '2024-01-02'\"",
        "  tidemark overwrite /data/events --json fixed.ndjson --dynamic-partitions"})
final class OverwriteCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Mixin
  InputOptions in;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Scope scope;

  /** What the file's rows replace: exactly one of the two. */
  static final class Scope {
    @Option(names = "--where", required = true, paramLabel = "FILTER",
        description = "Replace the rows matching this filter.")
    String where;

    @Option(names = "--dynamic-partitions", required = true,
        description = "Replace the partitions the file's rows fall in.")
    boolean dynamicPartitions;
  }

  @Override
  void run() throws Exception {
    try (Overwrite overwrite = open(table).newOverwrite()) {
      if (scope.where != null) {
        overwrite.where(scope.where);
      } else {
        overwrite.dynamicPartitions();
      }
      long rows = in.read(spec.commandLine(), "overwrite", overwrite.schema(), false, overwrite::write);
      OverwriteResult r = overwrite.commit();
      if (!r.committed()) {
        out().println("nothing to overwrite: " + rows + " rows read and no rows matched; nothing was committed");
      } else {
        out().printf("overwrote %s in version %d: %d rows read, %d rows removed, %d files removed, %d added%n",
            table, r.version(), rows, r.numDeletedRows(), r.numRemovedFiles(), r.numAddedFiles());
      }
    }
  }
}

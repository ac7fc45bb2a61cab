package io.tidemark.cli;

import io.tidemark.core.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tidemark checkpoint TABLE}. */
@Command(name = "checkpoint", header = "Writes a checkpoint of the table's newest version now.", description = {"Writes a checkpoint of the table's newest version now, so that",
    "loading it reads the checkpoint and the commits after it instead of the whole log.",
    "Checkpoints are also written every checkpoint.interval commits (default 100)."},
    footer = {"", "Example:", "  tidemark checkpoint /data/orders"})
final class CheckpointCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Override
  void run() {
    Table t = open(table);
    long version = t.checkpoint();
    out().println("wrote checkpoint of version " + version + " of " + t.location()
        + " (" + t.refresh().dataFiles().size() + " data files)");
  }
}

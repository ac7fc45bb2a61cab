package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.Compaction;
import io.tidemark.core.CompactionResult;
import io.tidemark.core.Table;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark compact TABLE [--target-size SIZE] [--where FILTER] [--sort-by a,b] [--json]}. */
@Command(name = "compact", header = "Rewrites small data files into files near a target size.", description = {"Bin-packs small data files into files near a target size, partition",
    "by partition (OPTIMIZE, a commit without data change). Concurrent appends are not",
    "disturbed. Shows a progress bar on stderr when it is a terminal."},
    footer = {"", "Example:", "  tidemark compact /data/events --target-size 256MB --where \"ts >= '2024-01-01'\""})
final class CompactCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--target-size", paramLabel = "SIZE", converter = Sizes.class,
      description = {"Target file size: bytes, or with KB, MB, GB (powers of 1024).",
          "Default: the table property write.target-file-size-bytes (128MB)."})
  Long targetSize;

  @Option(names = "--where", paramLabel = "FILTER", description = "Compact only files that may hold matching rows.")
  String where;

  @Option(names = "--sort-by", split = ",", paramLabel = "COLUMN",
      description = "Sort the rewritten rows by these columns (comma-separated).")
  List<String> sortBy;

  @Option(names = "--json", description = "Print one JSON object: version (-1: nothing to compact),"
      + " numRemovedFiles, numRemovedBytes, numAddedFiles, numAddedBytes, numPartitions.")
  boolean json;

  @Override
  void run() {
    Table t = open(table);
    Compaction compaction = t.compact().progress(ProgressBar.forTerminal(spec.commandLine().getErr()));
    if (targetSize != null) {
      compaction = compaction.targetFileSizeBytes(targetSize);
    }
    if (where != null && !where.isBlank()) {
      compaction = compaction.where(where);
    }
    if (sortBy != null && !sortBy.isEmpty()) {
      compaction = compaction.sortBy(sortBy.stream().map(String::strip).toList());
    }
    CompactionResult r = compaction.commit();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("version", r.version());
      o.put("numRemovedFiles", r.numRemovedFiles());
      o.put("numRemovedBytes", r.numRemovedBytes());
      o.put("numAddedFiles", r.numAddedFiles());
      o.put("numAddedBytes", r.numAddedBytes());
      o.put("numPartitions", r.numPartitions());
      out().println(Json.compact(o));
      return;
    }
    if (!r.committed()) {
      out().println("nothing to compact in " + t.location() + ": no partition has 2 or more small files");
      return;
    }
    out().printf("compacted %s in version %d: %d files (%s) into %d (%s) in %d %s%n", t.location(), r.version(),
        r.numRemovedFiles(), Sizes.format(r.numRemovedBytes()), r.numAddedFiles(), Sizes.format(r.numAddedBytes()),
        r.numPartitions(), r.numPartitions() == 1 ? "partition" : "partitions");
  }
}

package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.Table;
import io.tidemark.core.Vacuum;
import io.tidemark.core.VacuumReport;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark vacuum TABLE [--retain DURATION] [--dry-run] [--force] [--json]}. */
@Command(name = "vacuum", header = "Deletes data files no version in the retention window needs.", description = {"Deletes data files no version inside the retention window references,",
    "and files never committed (left by crashed writers) older than the window. Versions",
    "current inside the window stay readable; older ones cannot be read afterwards.",
    "With the table property log.retention.enabled=true it also expires old commit files."},
    footer = {"", "Examples:", "  tidemark vacuum /data/events --dry-run",
        "  tidemark vacuum /data/events --retain 720h"})
final class VacuumCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--retain", paramLabel = "DURATION", converter = Durations.class,
      description = {"Keep the versions of this window, e.g. 168h, 7d, 1h30m (default 168h).",
          "Shorter than the default needs --force."})
  Duration retain;

  @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
  boolean dryRun;

  @Option(names = "--force", description = "Allow a retention shorter than the default.")
  boolean force;

  @Option(names = "--json", description = "Print one JSON object: dryRun, retention, oldestRetainedVersion,"
      + " numDataFiles, dataBytes, dataFiles, manifests, logFiles.")
  boolean json;

  @Override
  void run() {
    Duration retention = retain == null ? Vacuum.DEFAULT_RETENTION : retain;
    if (retention.compareTo(Vacuum.DEFAULT_RETENTION) < 0) {
      String what = "--retain " + Durations.format(retention) + " is shorter than the default "
          + Durations.format(Vacuum.DEFAULT_RETENTION) + ": time travel to versions older than "
          + Durations.format(retention) + " will break, and files a writer is still writing could be deleted";
      if (!force) {
        throw new ParameterException(spec.commandLine(), what + "; add --force to vacuum anyway");
      }
      spec.commandLine().getErr().println("tidemark: warning: " + what);
      spec.commandLine().getErr().flush();
    }
    Table t = open(table);
    VacuumReport r = t.vacuum().retain(retention).force(force).dryRun(dryRun).execute();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("dryRun", r.dryRun());
      o.put("retention", Durations.format(r.retention()));
      o.put("oldestRetainedVersion", r.oldestRetainedVersion());
      o.put("numDataFiles", r.numDataFiles());
      o.put("dataBytes", r.dataBytes());
      array(o.putArray("dataFiles"), r.dataFiles());
      array(o.putArray("manifests"), r.manifests());
      array(o.putArray("logFiles"), r.logFiles());
      out().println(Json.compact(o));
      return;
    }
    String verb = r.dryRun() ? "vacuum dry run of " + t.location() + ": would delete"
        : "vacuumed " + t.location() + ": deleted";
    out().printf("%s %d data %s (%s), %d %s and %d log %s; versions from %d on stay readable%n", verb,
        r.numDataFiles(), r.numDataFiles() == 1 ? "file" : "files", Sizes.format(r.dataBytes()),
        r.manifests().size(), r.manifests().size() == 1 ? "manifest" : "manifests", r.logFiles().size(),
        r.logFiles().size() == 1 ? "file" : "files", r.oldestRetainedVersion());
    if (r.dryRun()) {
      for (String path : concat(r.dataFiles(), r.manifests(), r.logFiles())) {
        out().println("  " + path);
      }
    }
  }

  private static void array(ArrayNode node, List<String> values) {
    values.forEach(node::add);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}

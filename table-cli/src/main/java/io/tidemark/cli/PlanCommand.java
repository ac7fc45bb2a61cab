package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.PlanMetrics;
import io.tidemark.core.Scan;
import io.tidemark.core.ScanPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark plan TABLE [--where FILTER] [--version N] [--json]}. */
@Command(name = "plan", header = "Shows what a scan would read and what it would prune.", description = {"Shows what a scan would read and what it pruned: manifests, data files and",
    "row groups ruled out by partition values and statistics, bytes to read and planning time.",
    "Without --where, the plan of a full scan."},
    footer = {"", "Example:", "  tidemark plan /data/events --where \"ts >= '2024-01-02' and ts < '2024-01-03'\""})
final class PlanCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--where", paramLabel = "FILTER", description = "The scan's filter, as for 'tidemark scan'.")
  String where;

  @Option(names = "--version", paramLabel = "N", description = "Plan the table as it was at this version.")
  Long version;

  @Option(names = "--json", description = {"Print one JSON object: version, manifestsTotal, manifestsRead,",
      "filesTotal, filesMatched, rowGroupsTotal, rowGroupsMatched, rowGroupsSkipped,",
      "bytesToRead, planningMillis."})
  boolean json;

  @Override
  void run() {
    Scan scan = open(table).newScan();
    if (version != null) {
      scan = scan.asOfVersion(version);
    }
    if (where != null && !where.isBlank()) {
      scan = scan.filter(where);
    }
    ScanPlan plan = scan.planRowGroups();
    PlanMetrics m = plan.metrics();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("version", plan.version());
      o.put("manifestsTotal", m.manifestsTotal());
      o.put("manifestsRead", m.manifestsRead());
      o.put("filesTotal", m.filesTotal());
      o.put("filesMatched", m.filesMatched());
      o.put("rowGroupsTotal", m.rowGroupsTotal());
      o.put("rowGroupsMatched", m.rowGroupsMatched());
      o.put("rowGroupsSkipped", m.rowGroupsSkipped());
      o.put("bytesToRead", m.bytesToRead());
      o.put("planningMillis", Math.round(m.planningMillis() * 1000) / 1000.0);
      out().println(Json.pretty(o));
      return;
    }
    out().printf("plan of version %d%n", plan.version());
    out().printf("  manifests   %d of %d read%n", m.manifestsRead(), m.manifestsTotal());
    out().printf("  data files  %d of %d matched%n", m.filesMatched(), m.filesTotal());
    out().printf("  row groups  %d of %d matched (%d skipped by statistics)%n", m.rowGroupsMatched(),
        m.rowGroupsTotal(), m.rowGroupsSkipped());
    out().printf("  bytes       %d to read%n", m.bytesToRead());
    out().printf("  planning    %.1f ms%n", m.planningMillis());
  }
}

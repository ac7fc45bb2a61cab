package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.HistoryEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints a table's history as an aligned table or as JSON; shared by {@code history} and {@code demo}. */
final class HistoryPrinter {
  private static final List<String> HEADER = List.of("version", "timestamp", "operation", "parameters", "metrics");

  private HistoryPrinter() {}

  /** One row per version: version, timestamp (UTC, milliseconds), operation, parameters, metrics. */
  static void printTable(List<HistoryEntry> history, PrintWriter out) {
    TextTable table = new TextTable(out, HEADER, new boolean[] {true, false, false, false, false}, Integer.MAX_VALUE);
    for (HistoryEntry e : history) {
      table.row(List.of(Long.toString(e.version()), Timestamps.millis(e.timestamp()), e.operation(),
          pairs(e.parameters()), pairs(e.metrics())));
    }
    table.finish();
  }

  /** A JSON array, oldest version first; maps have their keys sorted. */
  static void printJson(List<HistoryEntry> history, PrintWriter out) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (HistoryEntry e : history) {
      ObjectNode node = array.addObject();
      node.put("version", e.version());
      node.put("timestamp", Timestamps.millis(e.timestamp()));
      node.put("operation", e.operation());
      ObjectNode parameters = node.putObject("parameters");
      new TreeMap<>(e.parameters()).forEach(parameters::put);
      ObjectNode metrics = node.putObject("metrics");
      new TreeMap<>(e.metrics()).forEach(metrics::put);
      if (e.readVersion() == null) {
        node.putNull("readVersion");
      } else {
        node.put("readVersion", e.readVersion());
      }
      node.put("isolationLevel", e.isolationLevel());
      node.put("blindAppend", e.blindAppend());
      node.put("engineInfo", e.engineInfo());
    }
    out.println(Json.pretty(array));
    out.flush();
  }

  private static String pairs(Map<String, ?> map) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(map).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }
}

package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.DataFile;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.core.TableProtocol;
import io.tidemark.spec.json.SchemaJson;
import io.tidemark.spec.partition.PartitionSpec;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark describe TABLE [--version N] [--json]}. */
@Command(name = "describe", header = "Prints everything about a table at one version.",
    description = {"Prints the table's location and id, the version and its commit timestamp, the",
        "schema with field ids, the partition specs (the default one marked), the",
        "properties, the live data files, rows and bytes, the checkpoint the version",
        "was read from, and the protocol."},
    footer = {"", "Examples:", "  tidemark describe /data/orders", "  tidemark describe /data/orders --version 3 --json"})
final class DescribeCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--version", paramLabel = "N", description = "The version to describe (default: the newest).")
  Long version;

  @Option(names = "--json", description = {"Print one JSON object: location, tableId, version, timestamp,",
      "created, schemaId, schema (spec.md 5.1), defaultSpecId, partitionSpecs (specId, fields),",
      "properties, files, rows, bytes, checkpoint (version, timestamp; null without one), protocol."})
  boolean json;

  @Override
  void run() throws Exception {
    Table t = open(table);
    Snapshot s = version == null ? t.refresh() : t.snapshot(version);
    TableMetadata m = s.metadata();
    // one pass: each file's description is built as it is iterated
    long bytes = 0;
    long deletedRows = 0;
    for (DataFile f : s.dataFiles()) {
      bytes += f.fileSizeBytes();
      deletedRows += f.deletedRecordCount();
    }
    if (json) {
      printJson(t, s, m, bytes, deletedRows);
    } else {
      printText(t, s, m, bytes, deletedRows, out());
    }
  }

  private void printJson(Table t, Snapshot s, TableMetadata m, long bytes, long deletedRows) throws Exception {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("location", t.location());
    o.put("tableId", m.tableId());
    o.put("version", s.version());
    o.put("timestamp", Timestamps.millis(s.timestamp()));
    o.put("created", Timestamps.millis(m.createdAt()));
    o.put("schemaId", m.schemaId());
    o.set("schema", Json.MAPPER.readTree(SchemaJson.toJson(m.schema())));
    o.put("defaultSpecId", m.defaultSpecId());
    ArrayNode specs = o.putArray("partitionSpecs");
    for (PartitionSpec spec : m.partitionSpecs()) {
      specs.addObject().put("specId", spec.specId()).put("fields", spec.isUnpartitioned() ? "" : spec.format(m.schema()));
    }
    ObjectNode properties = o.putObject("properties");
    m.properties().forEach(properties::put);
    o.put("files", s.dataFiles().size());
    o.put("rows", s.recordCount());
    o.put("deletedRows", deletedRows);
    o.put("bytes", bytes);
    if (s.checkpointVersion().isPresent()) {
      o.putObject("checkpoint").put("version", s.checkpointVersion().getAsLong())
          .put("timestamp", Timestamps.millis(s.checkpointTimestamp().orElseThrow()));
    } else {
      o.putNull("checkpoint");
    }
    TableProtocol p = s.protocol();
    ObjectNode protocol = o.putObject("protocol");
    protocol.put("minReaderVersion", p.minReaderVersion());
    protocol.put("minWriterVersion", p.minWriterVersion());
    p.readerFeatures().stream().sorted().forEach(protocol.putArray("readerFeatures")::add);
    p.writerFeatures().stream().sorted().forEach(protocol.putArray("writerFeatures")::add);
    out().println(Json.pretty(o));
  }

  private static void printText(Table t, Snapshot s, TableMetadata m, long bytes, long deletedRows,
      PrintWriter out) {
    out.println("location    " + t.location());
    out.println("table id    " + m.tableId());
    out.println("version     " + s.version() + ", committed " + Timestamps.millis(s.timestamp()));
    out.println("created     " + Timestamps.millis(m.createdAt()));
    out.println("data        " + s.dataFiles().size() + (s.dataFiles().size() == 1 ? " file, " : " files, ")
        + s.recordCount() + (s.recordCount() == 1 ? " row, " : " rows, ") + Sizes.format(bytes)
        + (deletedRows == 0 ? "" : " (and " + deletedRows + " deleted rows that deletion vectors hide)"));
    out.println("checkpoint  " + (s.checkpointVersion().isEmpty() ? "none (read from the log alone)"
        : "version " + s.checkpointVersion().getAsLong() + ", committed "
            + Timestamps.millis(s.checkpointTimestamp().orElseThrow())));
    TableProtocol p = s.protocol();
    out.println("protocol    reader " + p.minReaderVersion() + ", writer " + p.minWriterVersion()
        + (p.readerFeatures().isEmpty() && p.writerFeatures().isEmpty() ? ""
            : ", features " + String.join(", ", p.features())));
    out.println("schema      id " + m.schemaId() + ", last column id " + m.lastColumnId());
    SchemaCommand.printFields(m.schema(), "  ", out);
    out.println("partition specs");
    for (PartitionSpec spec : m.partitionSpecs()) {
      out.println("  " + spec.specId() + ": " + (spec.isUnpartitioned() ? "unpartitioned" : spec.format(m.schema()))
          + (spec.specId() == m.defaultSpecId() ? "  (default: new files)" : ""));
    }
    Map<String, String> properties = m.properties();
    out.println("properties" + (properties.isEmpty() ? "  none" : ""));
    properties.forEach((k, v) -> out.println("  " + k + "=" + v));
  }
}

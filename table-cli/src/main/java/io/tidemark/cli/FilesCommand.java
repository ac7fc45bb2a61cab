package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.DataFile;
import io.tidemark.core.Scan;
import io.tidemark.core.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark files TABLE [--version N] [--where EXPR] [--json | --paths]}. */
@Command(name = "files", header = "Lists the data files a version of a table reads.",
    description = {"Lists the live data files of the table's newest version (or of --version N):",
        "path, partition spec id, partition values, live and deleted rows and bytes. Only these files hold",
        "the version's rows: files that a delete, overwrite, compaction or restore removed",
        "stay in data/ until vacuum, so reading data/** directly gives wrong answers.",
        "With --where, only the files the planner cannot rule out for the filter."},
    footer = {"", "Examples:", "  tidemark files /data/events",
        "  tidemark files /data/events --version 3 --where \"ts >= '2024-01-02'\" --json",
        "  tidemark files /data/events --paths"})
final class FilesCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--version", paramLabel = "N", description = "The version to list (default: the newest).")
  Long version;

  @Option(names = "--where", paramLabel = "FILTER", description = "Only files that may hold rows matching it.")
  String where;

  @Option(names = "--json", description = {"Print a JSON array with one object per file: path (relative to the",
      "table), location (absolute), specId, partition (name to value), rows (live), deletedRows",
      "(marked by a deletion vector), bytes."})
  boolean json;

  @Option(names = "--paths", description = "Print only each file's absolute location, one per line"
      + " (for other tools, e.g. DuckDB's read_parquet).")
  boolean paths;

  /** One live data file as the command shows it. */
  record LiveFile(String path, String location, int specId, Map<String, Object> partition, long rows,
      long deletedRows, long bytes) {
    static LiveFile of(DataFile file, Table table) {
      return new LiveFile(file.path(), table.locationOf(file.path()), file.specId(), file.partitionValues(),
          file.liveRecordCount(), file.deletedRecordCount(), file.fileSizeBytes());
    }
  }

  @Override
  void run() {
    if (json && paths) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--json and --paths are mutually exclusive");
    }
    Table t = open(table);
    Scan scan = t.newScan();
    if (version != null) {
      scan = scan.asOfVersion(version);
    }
    if (where != null && !where.isBlank()) {
      scan = scan.filter(where);
    }
    List<LiveFile> files = scan.plan().files().stream().map(f -> LiveFile.of(f, t)).toList();
    if (json) {
      printJson(files, out());
    } else if (paths) {
      files.forEach(f -> out().println(f.location()));
    } else {
      printTable(files, out());
    }
  }

  static void printJson(List<LiveFile> files, PrintWriter out) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (LiveFile f : files) {
      ObjectNode o = array.addObject();
      o.put("path", f.path());
      o.put("location", f.location());
      o.put("specId", f.specId());
      ObjectNode partition = o.putObject("partition");
      f.partition().forEach((k, v) -> partition.set(k, Values.json(v)));
      o.put("rows", f.rows());
      o.put("deletedRows", f.deletedRows());
      o.put("bytes", f.bytes());
    }
    out.println(Json.pretty(array));
  }

  private static void printTable(List<LiveFile> files, PrintWriter out) {
    TextTable table = new TextTable(out, List.of("PATH", "SPEC", "PARTITION", "ROWS", "DELETED", "BYTES"),
        new boolean[] {false, true, false, true, true, true}, Integer.MAX_VALUE);
    long rows = 0;
    long bytes = 0;
    for (LiveFile f : files) {
      String partition = f.partition().entrySet().stream().map(e -> e.getKey() + "=" + Values.display(e.getValue()))
          .collect(Collectors.joining(", "));
      table.row(new ArrayList<>(List.of(f.path(), Integer.toString(f.specId()), partition,
          Long.toString(f.rows()), Long.toString(f.deletedRows()), Long.toString(f.bytes()))));
      rows += f.rows();
      bytes += f.bytes();
    }
    table.finish();
    out.println("(" + files.size() + (files.size() == 1 ? " file, " : " files, ") + rows + (rows == 1 ? " row, " : " rows, ")
        + Sizes.format(bytes) + ")");
  }
}

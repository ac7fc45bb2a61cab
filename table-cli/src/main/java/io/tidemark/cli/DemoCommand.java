package io.tidemark.cli;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.data.Record;
import io.tidemark.spec.error.TableAlreadyExistsException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tidemark demo [DIR]}: a small table of orders, three appends, its history and a time-travel read. */
@Command(name = "demo", header = "Shows every kind of command on a small table of orders.", description = {"Creates a small table of orders, appends to it three times, then"
    + " prints its history and reads it as of version 1 and as of now.",
    "The table stays in DIR afterwards, for trying the other commands on it."},
    footer = {"", "Examples:", "  tidemark demo", "  tidemark demo /tmp/tidemark-demo"})
final class DemoCommand extends BaseCommand {
  static final String SCHEMA = "id long not null, name string, ts timestamp, amount double";

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "Where to create the table (must not hold one already); a new temporary directory if omitted.")
  Path dir;

  @Override
  void run() throws Exception {
    Path where = dir != null ? dir : Files.createTempDirectory("tidemark-demo-");
    Schema schema = SchemaDdl.parse(SCHEMA);
    Table table;
    try {
      table = create(where.toString(), schema, PartitionSpec.unpartitioned(), Map.of());
    } catch (TableAlreadyExistsException e) {
      throw new CliException(where + " already holds a table; give a directory without one,"
          + " or no DIR to use a new temporary directory", e);
    }
    String location = table.location();
    String arg = shellQuote(location);
    PrintWriter out = out();
    out.println("Tidemark demo: a table of web-shop orders at " + location);
    out.println();
    out.println("Created the table (version 0): " + SCHEMA);
    append(table, out, "the morning's orders", List.of(
        Record.of(schema, 1001L, "Ada Lovelace", Instant.parse("2024-03-04T09:12:31.250Z"), 42.50),
        Record.of(schema, 1002L, "Grace Hopper", Instant.parse("2024-03-04T09:47:02Z"), 17.99),
        Record.of(schema, 1003L, "Alan Turing", Instant.parse("2024-03-04T10:05:45.500Z"), 128.00)));
    append(table, out, "the afternoon's orders, one by a guest without a name", List.of(
        Record.of(schema, 1004L, "Katherine Johnson", Instant.parse("2024-03-04T13:20:11Z"), 64.25),
        Record.of(schema, 1005L, "Edsger Dijkstra", Instant.parse("2024-03-04T14:02:59.125Z"), 9.75),
        Record.of(schema, 1006L, null, Instant.parse("2024-03-04T14:30:00Z"), 5.00)));
    append(table, out, "the evening's orders", List.of(
        Record.of(schema, 1007L, "Barbara Liskov", Instant.parse("2024-03-04T17:45:10Z"), 230.40),
        Record.of(schema, 1008L, "Donald Knuth", Instant.parse("2024-03-04T18:03:27.750Z"), 2.56)));

    List<HistoryEntry> history = table.history();
    out.println();
    out.println("History: one row per commit, oldest first; each append made a new version.");
    HistoryPrinter.printTable(history, out);

    out.println();
    out.println("Time travel to version 1: only the morning's orders were in the table then.");
    ScanPrinter.print(table.newScan().asOfVersion(1), OutputFormat.TABLE, Long.MAX_VALUE, out);

    long latest = table.refresh().version();
    out.println();
    out.println("Latest, version " + latest + ": the orders of all three appends.");
    ScanPrinter.print(table.newScan(), OutputFormat.TABLE, Long.MAX_VALUE, out);

    out.println();
    out.println("The same and more with the other commands (see tidemark help):");
    out.println("  tidemark history " + arg);
    out.println("  tidemark scan " + arg + " --version 1");
    out.println("  tidemark scan " + arg + " --as-of " + Timestamps.millis(history.get(2).timestamp())
        + " --format json");
    out.println("  tidemark scan " + arg + " --columns name,amount --limit 3 --format csv");
  }

  private static void append(Table table, PrintWriter out, String what, List<Record> rows) {
    CommitResult result;
    try (AppendWriter writer = table.newAppend()) {
      writer.writeAll(rows);
      result = writer.commit();
    }
    out.println("Appended " + result.rowsAdded() + " rows as version " + result.version() + ": " + what + ".");
  }

  private static String shellQuote(String text) {
    return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}

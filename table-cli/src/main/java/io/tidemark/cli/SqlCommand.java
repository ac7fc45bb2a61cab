package io.tidemark.cli;

import io.tidemark.core.Scan;
import io.tidemark.core.ScanTask;
import io.tidemark.core.ScanTasks;
import io.tidemark.core.Table;
import io.tidemark.spec.error.InvalidArgumentException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark sql QUERY --table NAME=LOCATION[@VERSION|@TIMESTAMP] ... [--format F] [--limit N]}. */
@Command(name = "sql", header = "Runs a SQL query (DuckDB) over tables, now or at earlier versions.",
    description = {
        "Runs a SQL query with DuckDB over Tidemark tables. Each --table names a table",
        "for the query and the version it reads: the query sees exactly that version's",
        "rows, as 'tidemark scan' reads them (its live files only, columns by field id",
        "after renames, drops, adds and widenings, deleted rows left out).",
        "Tables must be on the local file system. The query cannot read or write other",
        "files, nor load DuckDB extensions.",
        "Output formats (--format) are those of 'tidemark scan'.",
        ""},
    footer = {"", "Examples:",
        "  tidemark sql \"SELECT category, count(*) FROM events GROUP BY 1 ORDER BY 1\" \\",
        "      --table events=/data/events",
        "  tidemark sql \"SELECT * FROM o JOIN c USING (customer_id)\" \\",
        "      --table o=/data/orders@12 --table c=/data/customers@2024-01-02T10:00:00Z"})
final class SqlCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query (DuckDB's dialect).")
  String query;

  @Option(names = "--table", paramLabel = "NAME=LOCATION[@VERSION|@TIMESTAMP]",
      converter = SqlTableArg.Converter.class,
      description = {"A table the query reads as NAME: the latest version, the version after @,"
          + " or the newest version committed at or before the timestamp after @ (as --as-of reads it)."
          + " Repeat for several tables."})
  List<SqlTableArg> tables = new ArrayList<>();

  @Mixin
  OutputOptions output;

  /** Keys of files with deleted rows, numbered across the tables in --table order, as DuckQuery loads them. */
  private int deletedKeys;

  @Override
  void run() {
    output.check(spec.commandLine());
    Set<String> names = new HashSet<>();
    List<DuckQuery.View> views = new ArrayList<>();
    for (SqlTableArg t : tables) {
      if (!names.add(t.name().toLowerCase(Locale.ROOT))) {
        throw new ParameterException(spec.commandLine(), "--table names '" + t.name() + "' twice");
      }
      views.add(view(t));
    }
    if (output.format == OutputFormat.PARQUET) {
      out().println(output.wrote(DuckQuery.export(views, query, output.maxRows(), output.output), ""));
      return;
    }
    DuckQuery.run(views, query, output.format, output.maxRows(), output.maxWidth, lineWidth(output.format), out());
  }

  /** The table's version resolved to its live files, their deleted positions and the view over them. */
  private DuckQuery.View view(SqlTableArg arg) {
    Table table = open(arg.location());
    Path root = localPath(arg, table.location());
    Scan scan = table.newScan();
    if (arg.version() != null) {
      scan = scan.asOfVersion(arg.version());
    } else if (arg.asOf() != null) {
      scan = scan.asOfTimestamp(arg.asOf());
    }
    ScanCommand.failIfFilesAreGone(scan);
    List<SqlViews.File> files = new ArrayList<>();
    List<long[]> deleted = new ArrayList<>();
    for (ScanTask task : scan.planTasks(Long.MAX_VALUE)) { // one task per whole file
      String path = localPath(arg, table.locationOf(task.path())).toString();
      if (task.fileDeletedRecordCount() > 0) {
        files.add(new SqlViews.File(path, deletedKeys++));
        deleted.add(ScanTasks.deletedPositions(table.io(), task));
      } else {
        files.add(new SqlViews.File(path, -1));
      }
    }
    String create = SqlViews.createView(arg.name(), scan.schema(), files);
    return new DuckQuery.View(create, deleted, root.toString() + "/");
  }

  /** The local path of a table location; DuckDB here reads local files only. */
  private static Path localPath(SqlTableArg arg, String location) {
    if (location.startsWith("/")) {
      return Path.of(location);
    }
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      return Path.of(URI.create(location));
    }
    throw new InvalidArgumentException("tidemark sql reads tables on the local file system only; "
        + arg.name() + " is at " + location);
  }
}

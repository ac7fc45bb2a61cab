package io.tidemark.cli;

import io.tidemark.core.Scan;
import io.tidemark.core.ScanReader;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.spec.error.MissingDataFileException;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark scan TABLE [--version N | --as-of TIMESTAMP] [--columns a,b] [--limit N] [--format F]}. */
@Command(name = "scan", header = "Prints the rows of a table, now or at an earlier version.",
    description = {
        "Prints the rows of a table: its latest version, or as it was at an earlier",
        "version or instant (time travel).",
        "",
        "Formats (--format):",
        "  table  aligned columns under a header, then a row count; null shows as",
        "         NULL; values longer than --max-width characters end in \u2026, and",
        "         on a terminal, lines wider than it do.",
        "  csv    a header row of column names, then one record per row (RFC 4180",
        "         quoting, \\n line ends); null is an empty field, the empty string",
        "         is \"\".",
        "         'tidemark append' reads it back.",
        "  json   JSON Lines: one JSON object per row, one per line, keys in column",
        "         order; numbers and booleans as JSON values, null as null.",
        "  parquet  a Parquet file (--output FILE), columns with their field ids;",
        "         nested columns cannot be written yet.",
        "Values: timestamps as ISO-8601 UTC instants (2024-01-02T10:00:00.123Z),",
        "timestamp_ntz as 2024-01-02T10:00:00.123 (3, 6 or 9 fraction digits as",
        "needed), decimals in plain notation, binary as base64, and structs, lists and",
        "maps as JSON.",
        ""},
    footer = {"", "Examples:",
        "  tidemark scan /data/orders --version 1",
        "  tidemark scan /data/orders --as-of 2024-01-02T10:00:00.123Z --format csv",
        "  tidemark scan /data/orders --columns id,amount --limit 10 --format json",
        "  tidemark scan /data/orders --version 3 --format parquet --output v3.parquet"})
final class ScanCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @ArgGroup(exclusive = true)
  Moment at;

  @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
      description = "Only these columns, in this order (comma-separated).")
  List<String> columns;

  @Option(names = "--where", paramLabel = "FILTER",
      description = {"Only rows matching the filter, e.g.",
          "\"ts >= '2024-01-02' and category in ('a', 'b')\".",
          "Operators: = != < <= > >= in, not in, is null, is not null,",
          "starts with, and, or, not, parentheses."})
  String where;

  @Mixin
  OutputOptions output;

  /** Which version to read: at most one of the two. */
  static final class Moment {
    @Option(names = "--version", paramLabel = "N", description = "Read the table as it was at this version.")
    Long version;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP", converter = InstantConverter.class,
        description = {"Read the newest version committed at or before this instant: an ISO instant as"
            + " 'tidemark history' prints it (2024-01-02T10:00:00.123Z), one with an offset, or UTC"
            + " 'yyyy-MM-dd[ HH:mm:ss[.ffffff]]' (a date alone is its midnight)."})
    Instant asOf;
  }

  @Override
  void run() {
    output.check(spec.commandLine());
    if (at != null && at.version != null && at.version < 0) {
      throw new ParameterException(spec.commandLine(), "--version must not be negative, was " + at.version);
    }
    Scan scan = open(table).newScan();
    if (at != null && at.version != null) {
      scan = scan.asOfVersion(at.version);
    } else if (at != null && at.asOf != null) {
      scan = scan.asOfTimestamp(at.asOf);
    }
    if (where != null && !where.isBlank()) {
      scan = scan.filter(where);
    }
    if (columns != null && !columns.isEmpty()) {
      scan = scan.select(columns.stream().map(String::strip).toList());
    }
    if (output.limit == null || output.format == OutputFormat.PARQUET) {
      failIfFilesAreGone(scan);
    }
    if (output.format == OutputFormat.PARQUET) {
      long written;
      try (ScanReader rows = scan.records(); CloseableIterator<Record> it = rows.iterator()) {
        written = DuckParquet.export(scan.schema(), it, output.maxRows(), output.output);
      }
      out().println(output.wrote(written, " of version " + scan.snapshot().version()));
      return;
    }
    ScanPrinter.print(scan, output.format, output.maxRows(), output.maxWidth, lineWidth(output.format), out());
  }

  /**
   * Fails before the first row when a planned data file is gone (one listing per directory), so
   * that a vacuumed version prints nothing rather than part of its rows. A scan with a limit may
   * never reach the files, so it is not checked: it says on stderr if it fails part-way.
   */
  static void failIfFilesAreGone(Scan scan) {
    List<String> missing = scan.missingFiles();
    if (!missing.isEmpty()) {
      long version = scan.snapshot().version();
      String first = MissingDataFileException.scanning(missing.get(0), version, null).getMessage();
      throw new MissingDataFileException(missing, version, first
          + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "") + "; nothing was printed", null);
    }
  }
}

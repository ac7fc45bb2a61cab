package io.tidemark.cli;

import io.tidemark.core.CommitResult;
import io.tidemark.core.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark append TABLE --csv FILE|- [--delimiter C] [--quote C] [--null-string S] [--no-header]}. */
@Command(name = "append", header = "Appends the rows of a CSV file to a table in one commit.",
    description = {
        "Appends the rows of a CSV file to a table in one commit.",
        "",
        "The file is CSV in UTF-8 (RFC 4180 unless --delimiter or --quote say",
        "otherwise; gzip-compressed is fine; - reads standard input) whose first line",
        "names the columns, unless --no-header. Header names are matched to the",
        "table's columns, exactly or else ignoring case and surrounding blanks; a",
        "column the header lacks is null. An empty field is null; a quoted empty",
        "field (\"\") is the empty string in string and binary columns.",
        "Values:",
        "  boolean        true or false",
        "  int, long      whole numbers; float, double: 1.5, -2e10, NaN, Infinity",
        "  decimal(p,s)   12.50; at most s digits after the point, p in all",
        "  date           2024-01-02",
        "  timestamp      2024-01-02T10:00:00.123Z, 2024-01-02T12:00:00+02:00,",
        "                 or UTC 2024-01-02 10:00:00[.ffffff]",
        "  timestamp_ntz  2024-01-02T10:00:00[.ffffff], or with a space for the T",
        "  string         as it is; binary: base64",
        "Nested columns (struct, list, map) cannot be filled from CSV.",
        "One bad value fails the whole append with one line naming its data row, file",
        "line, column and value; nothing is committed. A file of another kind",
        "(Parquet, JSON, ZIP, a directory, not UTF-8) is refused with one line.",
        "On a terminal, rows read and rows/s are shown on stderr.",
        ""},
    footer = {"", "Examples:", "  tidemark append /data/orders --csv orders-2024-01-02.csv",
        "  tidemark append /data/orders --csv orders.tsv.gz --delimiter '\\t'",
        "  some-export | tidemark append /data/orders --csv - --no-header"})
final class AppendCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--csv", required = true, paramLabel = "FILE",
      description = "The CSV file to append (plain or gzip), or - for standard input.")
  String csv;

  @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",",
      description = "The field delimiter: one character, or \\t for tab (default: ${DEFAULT-VALUE}).")
  String delimiter;

  @Option(names = "--quote", paramLabel = "C", defaultValue = "\"",
      description = "The quote character (default: ${DEFAULT-VALUE}).")
  char quote;

  @Option(names = "--null-string", paramLabel = "TEXT",
      description = "Unquoted fields equal to TEXT are null (e.g. NA or \\N); an empty field is then the"
          + " empty string in string columns.")
  String nullString;

  @Option(names = "--header", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Whether the first line names the columns (default); with --no-header the fields"
          + " are the table's columns in order.")
  boolean header;

  @Option(names = "--merge-schema", description = "Header names the table lacks become new optional string"
      + " columns, added in the same commit (without it they are an error).")
  boolean mergeSchema;

  @Override
  void run() throws Exception {
    CsvDialect dialect = new CsvDialect(CsvDialect.delimiterOf(delimiter), quote, nullString, header);
    CommitResult result = CsvAppender.append(Tables.open(table), csv, dialect, mergeSchema, System.in,
        RowProgress.forTerminal(spec.commandLine().getErr()));
    if (result == null) {
      out().println("no data rows in " + csv + "; nothing was committed");
      return;
    }
    out().println("appended " + plural(result.rowsAdded(), "row") + " in " + plural(result.filesAdded(), "file")
        + " as version " + result.version());
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

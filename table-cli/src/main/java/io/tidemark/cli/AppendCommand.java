package io.tidemark.cli;

import io.tidemark.core.CommitResult;
import io.tidemark.core.Tables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark append TABLE --csv FILE|- [--delimiter C] [--quote C] [--null-string S] [--no-header]}. */
@Command(name = "append", header = "Appends the rows of a CSV or JSON file to a table in one commit.",
    description = {
        "Appends the rows of a CSV or newline-delimited JSON file to a table in one",
        "commit.",
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
        "                 or UTC 2024-01-02 10:00:00[.ffffff], or 2024-01-02 (midnight)",
        "  timestamp_ntz  2024-01-02T10:00:00[.ffffff], or with a space for the T,",
        "                 or 2024-01-02 (midnight)",
        "  string         as it is; binary: base64",
        "Nested columns (struct, list, map) cannot be filled from CSV.",
        "One bad value fails the whole append with one line naming its data row, file",
        "line, column and value; nothing is committed. A file of another kind",
        "(Parquet, JSON, ZIP, a directory, not UTF-8) is refused with one line.",
        "On a terminal, rows read and rows/s are shown on stderr.",
        ""},
    footer = {"", "Examples:", "  tidemark append /data/orders --csv orders-2024-01-02.csv",
        "  tidemark append /data/orders --csv orders.tsv.gz --delimiter '\\t'",
        "  some-export | tidemark append /data/orders --csv - --no-header",
        "  tidemark append /data/orders --json orders.ndjson.gz"})
final class AppendCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  /** The file to append: exactly one kind. */
  static final class Input {
    @Option(names = "--csv", required = true, paramLabel = "FILE",
        description = "A CSV file to append (plain or gzip), or - for standard input.")
    String csv;

    @Option(names = "--json", required = true, paramLabel = "FILE",
        description = {"A newline-delimited JSON file (one object per line; plain or gzip),",
            "or - for standard input. Keys are matched to columns as header names are."})
    String json;
  }

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
    RowProgress progress = RowProgress.forTerminal(spec.commandLine().getErr());
    CommitResult result;
    String file;
    if (input.json != null) {
      if (!delimiter.equals(",") || quote != '"' || nullString != null || !header || mergeSchema) {
        throw new ParameterException(spec.commandLine(),
            "--delimiter, --quote, --null-string, --no-header and --merge-schema apply to --csv only");
      }
      file = input.json;
      result = JsonAppender.append(Tables.open(table), file, System.in, progress);
    } else {
      file = input.csv;
      CsvDialect dialect = new CsvDialect(CsvDialect.delimiterOf(delimiter), quote, nullString, header);
      result = CsvAppender.append(Tables.open(table), file, dialect, mergeSchema, System.in, progress);
    }
    if (result == null) {
      out().println("no data rows in " + file + "; nothing was committed");
      return;
    }
    out().println("appended " + plural(result.rowsAdded(), "row") + " in " + plural(result.filesAdded(), "file")
        + " as version " + result.version());
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

package io.tidemark.cli;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark append TABLE --csv FILE|- [--delimiter C] [--quote C] [--null-string S] [--no-header]}. */
@Command(name = "append", header = "Appends the rows of a CSV, JSON or Parquet file to a table in one commit.",
    description = {
        "Appends the rows of a CSV, newline-delimited JSON or Parquet file to a table",
        "in one commit.",
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
        "A Parquet file (--parquet) is read by DuckDB; its columns are matched as",
        "header names are and its values take the CSV rules through their text.",
        "On a terminal, rows read and rows/s are shown on stderr.",
        ""},
    footer = {"", "Examples:", "  tidemark append /data/orders --csv orders-2024-01-02.csv",
        "  tidemark append /data/orders --csv orders.tsv.gz --delimiter '\\t'",
        "  some-export | tidemark append /data/orders --csv - --no-header",
        "  tidemark append /data/orders --json orders.ndjson.gz --txn nightly:20240102",
        "  tidemark append /data/orders --parquet export.parquet"})
final class AppendCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Mixin
  InputOptions in;

  @Option(names = "--merge-schema", description = "Header names the table lacks become new optional string"
      + " columns, added in the same commit (without it they are an error).")
  boolean mergeSchema;

  @Option(names = "--txn", paramLabel = "APP:VERSION", description = {"Exactly-once loads: commit as batch VERSION of",
      "application APP; a batch the table already holds is refused and nothing is",
      "applied twice (e.g. --txn nightly-load:20240102)."})
  String txn;

  @Override
  void run() throws Exception {
    try (AppendWriter writer = open(table).newAppend().mergeSchema(mergeSchema)) {
      if (txn != null) {
        int colon = txn.lastIndexOf(':');
        long version;
        try {
          version = Long.parseLong(txn.substring(colon + 1));
        } catch (NumberFormatException e) {
          version = -1;
        }
        if (colon <= 0 || version < 0) {
          throw new ParameterException(spec.commandLine(),
              "--txn must be APP:VERSION with a version >= 0, e.g. nightly-load:20240102, was '" + txn + "'");
        }
        writer.applicationTransaction(txn.substring(0, colon), version);
      }
      long rows = in.read(spec.commandLine(), "append", writer.schema(), mergeSchema, writer::write);
      if (rows == 0) {
        out().println("no data rows in " + in.file() + "; nothing was committed");
        return;
      }
      CommitResult result = writer.commit();
      out().println("appended " + plural(result.rowsAdded(), "row") + " in " + plural(result.filesAdded(), "file")
          + " as version " + result.version());
    }
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

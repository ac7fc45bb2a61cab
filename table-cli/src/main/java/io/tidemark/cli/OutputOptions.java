package io.tidemark.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How {@code scan} and {@code sql} print rows: {@code --format}, {@code --limit}, {@code --max-width}, {@code --output}. */
final class OutputOptions {
  @Option(names = "--limit", paramLabel = "N", description = "Print at most N rows.")
  Long limit;

  @Option(names = "--max-width", paramLabel = "N", defaultValue = "" + TableRowSink.DEFAULT_MAX_WIDTH,
      description = "With --format table: show at most N characters of a value, 0 for all"
          + " (default: ${DEFAULT-VALUE}).")
  int maxWidth;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table, csv, json or parquet (with --output) (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "With --format parquet: the Parquet file to write (replaced if it exists).")
  Path output;

  /** Refuses values out of range and a Parquet format without a file (or a file without it). */
  void check(CommandLine cmd) {
    if (limit != null && limit < 0) {
      throw new ParameterException(cmd, "--limit must not be negative, was " + limit);
    }
    if (maxWidth < 0 || maxWidth == 1) {
      throw new ParameterException(cmd, "--max-width must be 0 (no limit) or at least 2, was " + maxWidth);
    }
    if ((format == OutputFormat.PARQUET) != (output != null)) {
      throw new ParameterException(cmd, "--format parquet and --output FILE go together");
    }
  }

  /** The most rows to print or write. */
  long maxRows() {
    return limit == null ? Long.MAX_VALUE : limit;
  }

  /** The line that says what was written to {@link #output}. */
  String wrote(long rows, String what) {
    return "wrote " + rows + (rows == 1 ? " row" : " rows") + what + " to " + output;
  }
}

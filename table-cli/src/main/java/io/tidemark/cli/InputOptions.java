package io.tidemark.cli;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The file a writing command reads ({@code --csv} or {@code --json}) and the CSV dialect options. */
final class InputOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  /** The file to read: exactly one kind. */
  static final class Input {
    @Option(names = "--csv", required = true, paramLabel = "FILE",
        description = "A CSV file (plain or gzip), or - for standard input.")
    String csv;

    @Option(names = "--json", required = true, paramLabel = "FILE",
        description = {"A newline-delimited JSON file (one object per line; plain or gzip),",
            "or - for standard input. Keys are matched to columns as header names are."})
    String json;

    @Option(names = "--parquet", required = true, paramLabel = "FILE",
        description = {"A Parquet file (any writer's). Its columns are matched to the table's",
            "as header names are; values are read as their text in CSV would be."})
    String parquet;
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

  /** The file's name as given ({@code -} for standard input). */
  String file() {
    return input.json != null ? input.json : input.parquet != null ? input.parquet : input.csv;
  }

  /**
   * Reads the file's rows as records of {@code schema} into {@code sink}; {@code widen} as
   * {@link CsvAppender#read} has it (CSV only).
   *
   * @param verb what the command does with the rows, for error lines ({@code append}, {@code overwrite})
   * @return the number of rows read
   */
  long read(CommandLine cmd, String verb, Schema schema, boolean widen, Consumer<Record> sink) throws IOException {
    RowProgress progress = RowProgress.forTerminal(cmd.getErr());
    try {
      if (input.json != null || input.parquet != null) {
        if (!delimiter.equals(",") || quote != '"' || nullString != null || !header || widen) {
          throw new ParameterException(cmd,
              "--delimiter, --quote, --null-string, --no-header and --merge-schema apply to --csv only");
        }
        if (input.parquet != null) {
          if (Files.isDirectory(Path.of(input.parquet)) || !Files.exists(Path.of(input.parquet))) {
            throw new CliException(Files.isDirectory(Path.of(input.parquet))
                ? "cannot append " + input.parquet + ": it is a directory; give a file; nothing was committed"
                : "Parquet file not found: " + input.parquet);
          }
          return DuckParquet.read(input.parquet, schema, progress, sink);
        }
        return JsonAppender.read(input.json, schema, System.in, progress, sink);
      }
      CsvDialect dialect = new CsvDialect(CsvDialect.delimiterOf(delimiter), quote, nullString, header);
      return CsvAppender.read(input.csv, dialect, schema, widen, System.in, progress, sink);
    } catch (CliException e) {
      // the readers word their errors for append, the common case
      String prefix = "cannot append ";
      if (!verb.equals("append") && e.getMessage().startsWith(prefix)) {
        throw new CliException("cannot " + verb + " with " + e.getMessage().substring(prefix.length()), e);
      }
      throw e;
    }
  }
}

package io.tidemark.cli;

import io.tidemark.core.Table;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark create TABLE (--schema DDL | --like FILE.csv) [--partition-by ...] [--property key=value]...}. */
@Command(name = "create", header = "Creates an empty table, optionally with hidden partitioning.", description = "Creates an empty table, unpartitioned or partitioned by transforms of its columns.",
    footer = {"", "Examples:",
        "  tidemark create /data/orders \\",
        "      --schema \"id long not null, name string, ts timestamp, amount double\" \\",
        "      --partition-by \"day(ts), bucket(16, id)\"",
        "  tidemark create /data/flights --like flights.csv --partition-by \"month(date)\""})
final class CreateCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "Where to create the table: a directory, or a file: or hdfs: URI.")
  String table;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Columns columns;

  /** Where the columns come from: exactly one of the two. */
  static final class Columns {
    @Option(names = "--schema", required = true, paramLabel = "COLUMNS",
        description = {"The columns, e.g.",
            "\"id long not null, price decimal(10,2)\".",
            "Types: boolean, int, long, float, double,",
            "decimal(p,s), date, timestamp, timestamp_ntz,",
            "string, binary, struct<>, list<>, map<>."})
    String schema;

    @Option(names = "--like", required = true, paramLabel = "FILE",
        description = {"Guess the columns from a CSV file's header and first",
            SchemaInference.SAMPLE_ROWS + " rows: long, double, boolean, date, timestamp",
            "or string, all optional; or take them from a Parquet file's",
            "schema (all optional). The schema is printed."})
    String like;
  }

  @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",",
      description = "With --like: the CSV file's field delimiter (default: ${DEFAULT-VALUE}).")
  String delimiter;

  @Option(names = "--partition-by", paramLabel = "FIELDS",
      description = {"Hidden partitioning: comma-separated transforms of columns,",
          "identity(c) or c, bucket(N, c), truncate(W, c), year(c),",
          "month(c), day(c), hour(c), void(c); 'as name' renames one.",
          "Rows are placed by their values; filters prune by them."})
  String partitionBy;

  @Option(names = "--property", paramLabel = "KEY=VALUE",
      description = {"A table property; may be repeated, e.g.", "write.parquet.compression=zstd"})
  Map<String, String> properties = new LinkedHashMap<>();

  @Override
  void run() throws Exception {
    Schema parsed;
    if (columns.like != null && isParquet(columns.like)) {
      parsed = DuckParquet.schemaOf(columns.like);
      out().println("schema from " + columns.like + ": " + SchemaDdl.format(parsed));
    } else if (columns.like != null) {
      parsed = SchemaInference.infer(columns.like, new CsvDialect(CsvDialect.delimiterOf(delimiter), '"', null, true),
          System.in);
      out().println("schema from " + columns.like + ": " + SchemaDdl.format(parsed));
    } else {
      parsed = SchemaDdl.parse(columns.schema);
    }
    PartitionSpec spec = partitionBy == null || partitionBy.isBlank() ? PartitionSpec.unpartitioned()
        : PartitionSpec.parse(parsed, partitionBy);
    refuseLocalFile(table);
    Table created = create(table, parsed, spec, properties);
    out().println("created table at " + created.location() + " (version " + created.currentSnapshot().version() + ")");
  }

  /** Whether a local file starts with Parquet's magic bytes. */
  private static boolean isParquet(String file) throws IOException {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      return false; // the CSV reader says what is wrong
    }
    try (InputStream in = Files.newInputStream(path)) {
      return Arrays.equals(in.readNBytes(4), "PAR1".getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * On a local disk, refuses a location that is, or lies under, a regular file: the first write
   * into it would fail in a way the commit cannot tell from a lost reply.
   */
  private static void refuseLocalFile(String location) {
    Path path;
    if (location.startsWith("file:")) {
      try {
        path = Path.of(URI.create(location.startsWith("file://") ? location : "file://" + location.substring(5)));
      } catch (IllegalArgumentException e) {
        return; // the library says what is wrong with it
      }
    } else if (location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      return; // another file system or object store
    } else {
      path = Path.of(location);
    }
    for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new CliException("cannot create a table at " + location + ": "
              + (p.equals(path.toAbsolutePath()) ? "it is" : p + " is") + " a file, not a directory");
        }
        return;
      }
    }
  }
}

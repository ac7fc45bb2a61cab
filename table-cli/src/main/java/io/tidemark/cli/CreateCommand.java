package io.tidemark.cli;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark create TABLE --schema DDL [--property key=value]...}. */
@Command(name = "create", header = "Creates an empty table, optionally with hidden partitioning.", description = "Creates an empty table, unpartitioned or partitioned by transforms of its columns.",
    footer = {"", "Example:",
        "  tidemark create /data/orders \\",
        "      --schema \"id long not null, name string, ts timestamp, amount double\" \\",
        "      --partition-by \"day(ts), bucket(16, id)\""})
final class CreateCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "Where to create the table: a directory, or a file: or hdfs: URI.")
  String table;

  @Option(names = "--schema", required = true, paramLabel = "COLUMNS",
      description = {"The columns, e.g.",
          "\"id long not null, price decimal(10,2)\".",
          "Types: boolean, int, long, float, double,",
          "decimal(p,s), date, timestamp, timestamp_ntz,",
          "string, binary, struct<>, list<>, map<>."})
  String schema;

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
  void run() {
    Schema parsed = SchemaDdl.parse(schema);
    PartitionSpec spec = partitionBy == null || partitionBy.isBlank() ? PartitionSpec.unpartitioned()
        : PartitionSpec.parse(parsed, partitionBy);
    Table created = Tables.create(table, parsed, spec, properties);
    out().println("created table at " + created.location() + " (version " + created.currentSnapshot().version() + ")");
  }
}

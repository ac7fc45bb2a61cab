package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.core.DataFile;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.core.Tables;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void describeJsonAgreesWithTheLibrarysViewOfEachVersion() throws Exception {
    Path table = Cli.ordersTable(dir);
    Cli.ok("properties", table.toString(), "set", "user.owner=ingest");
    Cli.ok("alter", table.toString(), "partition-by", "bucket(4, id)");
    Table t = Tables.open(table.toString());

    for (long version : new long[] {1, t.currentSnapshot().version()}) {
      JsonNode d = JSON.readTree(Cli.ok("describe", table.toString(), "--version", Long.toString(version), "--json").out());
      Snapshot s = t.snapshot(version);
      TableMetadata m = s.metadata();
      assertThat(d.get("location").asText()).isEqualTo(t.location());
      assertThat(d.get("tableId").asText()).isEqualTo(m.tableId());
      assertThat(d.get("version").asLong()).isEqualTo(version);
      assertThat(d.get("timestamp").asText()).isEqualTo(Timestamps.millis(s.timestamp()));
      assertThat(d.get("schemaId").asInt()).isEqualTo(m.schemaId());
      assertThat(d.get("schema").get("fields")).hasSize(m.schema().columns().size());
      assertThat(d.get("defaultSpecId").asInt()).isEqualTo(m.defaultSpecId());
      assertThat(d.get("partitionSpecs")).hasSize(m.partitionSpecs().size());
      assertThat(JSON.convertValue(d.get("properties"), Map.class)).isEqualTo(m.properties());
      assertThat(d.get("files").asInt()).isEqualTo(s.dataFiles().size());
      assertThat(d.get("rows").asLong()).isEqualTo(s.recordCount());
      assertThat(d.get("bytes").asLong()).isEqualTo(s.dataFiles().stream().mapToLong(DataFile::fileSizeBytes).sum());
      assertThat(d.get("protocol").get("minReaderVersion").asInt()).isEqualTo(s.protocol().minReaderVersion());
      assertThat(d.get("checkpoint").isNull()).isTrue();
    }
    JsonNode latest = JSON.readTree(Cli.ok("describe", table.toString(), "--json").out());
    assertThat(latest.get("partitionSpecs")).hasSize(2);
    assertThat(latest.get("partitionSpecs").get(1).get("fields").asText()).contains("bucket(4, id)");
    assertThat(latest.get("properties").get("user.owner").asText()).isEqualTo("ingest");
    assertThat(latest.get("rows").asLong()).isEqualTo(5);
  }

  @Test
  void describeShowsTheCheckpointAVersionWasReadFrom() throws Exception {
    Path table = Cli.ordersTable(dir);
    assertThat(Cli.ok("describe", table.toString()).out()).contains("checkpoint  none (read from the log alone)\n");
    Cli.ok("checkpoint", table.toString());
    Cli.ok("properties", table.toString(), "set", "user.owner=ingest");
    Snapshot s = Tables.open(table.toString()).snapshot(2);
    String when = Timestamps.millis(s.timestamp());
    assertThat(Cli.ok("describe", table.toString()).out()).contains("checkpoint  version 2, committed " + when + "\n");
    JsonNode d = JSON.readTree(Cli.ok("describe", table.toString(), "--json").out());
    assertThat(d.get("checkpoint").get("version").asLong()).isEqualTo(2);
    assertThat(d.get("checkpoint").get("timestamp").asText()).isEqualTo(when);
    assertThat(JSON.readTree(Cli.ok("describe", table.toString(), "--version", "1", "--json").out())
        .get("checkpoint").isNull()).isTrue();
  }

  @Test
  void describeTextShowsSchemaSpecsAndProperties() {
    Path table = Cli.ordersTable(dir);
    Cli.ok("properties", table.toString(), "set", "user.owner=ingest");
    String out = Cli.ok("describe", table.toString()).out();
    assertThat(out.lines().toList()).contains("version     3, committed "
        + Timestamps.millis(Tables.open(table.toString()).currentSnapshot().timestamp()),
        "  0: unpartitioned  (default: new files)", "  user.owner=ingest");
    assertThat(out).contains("data        2 files, 5 rows, ").contains("   1  id      long       no");
  }
}

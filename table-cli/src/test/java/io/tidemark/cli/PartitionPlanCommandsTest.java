package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionPlanCommandsTest {
  @TempDir
  Path dir;

  private Path eventsTable() {
    Path table = dir.resolve("events");
    Cli.ok("create", table.toString(), "--schema", "id long not null, ts timestamp, category string",
        "--partition-by", "day(ts), bucket(4, id)");
    Path csv = Cli.write(dir.resolve("events.csv"), "id,ts,category\n"
        + "1,2024-01-01 10:00:00,a\n2,2024-01-02 11:00:00,b\n3,2024-01-02 12:00:00,a\n4,2024-01-03 09:00:00,c\n");
    Cli.ok("append", table.toString(), "--csv", csv.toString());
    return table;
  }

  @Test
  void createPartitionByPlacesRowsInPartitionDirectories() throws Exception {
    Path table = eventsTable();
    try (Stream<Path> days = Files.list(table.resolve("data"))) {
      assertThat(days.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ts_day=2024-01-01", "ts_day=2024-01-02", "ts_day=2024-01-03");
    }
  }

  @Test
  void scanWhereReturnsOnlyMatchingRows() {
    Path table = eventsTable();
    String out = Cli.ok("scan", table.toString(), "--where", "ts >= '2024-01-02' and ts < '2024-01-03'",
        "--format", "csv").out();
    assertThat(out.lines().skip(1).map(l -> l.substring(0, l.indexOf(',')))).containsExactlyInAnyOrder("2", "3");
    assertThat(Cli.ok("scan", table.toString(), "--where", "category in ('a') and not id = 1", "--format", "csv")
        .out().lines().skip(1)).singleElement().asString().startsWith("3,");
  }

  @Test
  void planJsonReportsPrunedFilesAndTheRequiredKeys() throws Exception {
    Path table = eventsTable();
    JsonNode plan = new ObjectMapper().readTree(Cli.ok("plan", table.toString(), "--json", "--where",
        "ts < '2024-01-02 00:00:00'").out());
    for (String key : new String[] {"manifestsTotal", "manifestsRead", "filesTotal", "filesMatched", "bytesToRead",
        "planningMillis"}) {
      assertThat(plan.has(key)).as(key).isTrue();
    }
    assertThat(plan.get("filesTotal").asLong()).isEqualTo(4);
    assertThat(plan.get("filesMatched").asLong()).isEqualTo(1);
    JsonNode full = new ObjectMapper().readTree(Cli.ok("plan", table.toString(), "--json").out());
    assertThat(full.get("filesMatched").asLong()).isEqualTo(4);
  }

  @Test
  void checkpointThenPlanReadsOnlyTheManifestsItNeeds() throws Exception {
    Path table = eventsTable();
    assertThat(Cli.ok("checkpoint", table.toString()).out()).startsWith("wrote checkpoint of version 1");
    JsonNode plan = new ObjectMapper().readTree(Cli.ok("plan", table.toString(), "--json", "--where",
        "category = 'c'").out());
    assertThat(plan.get("manifestsTotal").asLong()).isEqualTo(1);
    assertThat(plan.get("filesMatched").asLong()).isEqualTo(1);
    assertThat(Cli.ok("scan", table.toString(), "--where", "category = 'c'", "--format", "csv").out())
        .contains("4,2024-01-03T09:00:00.000Z,c");
  }

  @Test
  void aBadFilterOrPartitionSpecIsOneErrorLine() {
    Path table = eventsTable();
    Cli.Result r = Cli.run("scan", table.toString(), "--where", "nope = 1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).doesNotContain("\n").contains("nope");
    Cli.Result bad = Cli.run("create", dir.resolve("x").toString(), "--schema", "id long", "--partition-by",
        "day(id)");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err().strip()).doesNotContain("\n").contains("day");
  }
}

package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
  private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  @TempDir
  Path dir;

  @Test
  void historyLimitShowsOnlyTheNewestVersionsOldestFirst() throws Exception {
    Path table = Cli.ordersTable(dir);
    com.fasterxml.jackson.databind.JsonNode two = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Cli.ok("history", table.toString(), "--limit", "2", "--json").out());
    assertThat(two).hasSize(2);
    assertThat(two.get(0).get("version").asLong()).isEqualTo(1);
    assertThat(two.get(1).get("version").asLong()).isEqualTo(2);
    assertThat(Cli.ok("history", table.toString(), "--limit", "10").out().lines()).hasSize(2 + 3);
    assertThat(Cli.run("history", table.toString(), "--limit", "-1").exitCode()).isEqualTo(2);
  }

  @Test
  void historyPrintsOneAlignedRowPerVersionOldestFirst() {
    Path table = Cli.ordersTable(dir);
    List<String> lines = Cli.ok("history", table.toString()).out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).matches("version +timestamp +operation +parameters +metrics");
    assertThat(lines.get(1)).matches("[- ]+");
    assertThat(lines.get(2)).matches("      0  " + ISO_MILLIS + "  CREATE TABLE");
    assertThat(lines.get(3)).matches("      1  " + ISO_MILLIS + "  WRITE +mode=Append +numFiles=1, "
        + "numOutputBytes=\\d+, numOutputRows=3");
    assertThat(lines.get(4)).contains("numOutputRows=2");
    int timestampColumn = lines.get(0).indexOf("timestamp");
    assertThat(lines.subList(2, 5)).allSatisfy(l -> assertThat(l.substring(timestampColumn)).matches(ISO_MILLIS + ".*"));
  }

  @Test
  void historyJsonParsesAsAnArrayWithTheRequiredKeysAndIsoTimestamps() throws Exception {
    Path table = Cli.ordersTable(dir);
    JsonNode array = new ObjectMapper().readTree(Cli.ok("history", table.toString(), "--json").out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(3);
    Instant previous = Instant.MIN;
    for (int v = 0; v < 3; v++) {
      JsonNode e = array.get(v);
      assertThat(e.get("version").asLong()).isEqualTo(v);
      assertThat(e.get("timestamp").asText()).matches(ISO_MILLIS);
      Instant t = Instant.parse(e.get("timestamp").asText());
      assertThat(t).isAfter(previous);
      previous = t;
      assertThat(e.get("operation").isTextual()).isTrue();
      assertThat(e.get("parameters").isObject()).isTrue();
      assertThat(e.get("metrics").isObject()).isTrue();
    }
    assertThat(array.get(0).get("operation").asText()).isEqualTo("CREATE TABLE");
    assertThat(array.get(1).get("operation").asText()).isEqualTo("WRITE");
    assertThat(array.get(1).get("parameters").get("mode").asText()).isEqualTo("Append");
    assertThat(array.get(1).get("metrics").get("numOutputRows").asLong()).isEqualTo(3);
    assertThat(array.get(2).get("metrics").get("numFiles").isIntegralNumber()).isTrue();
  }
}

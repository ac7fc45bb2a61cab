package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void changesListsTheRowsEachVersionChangedAsTextOrJson() throws Exception {
    Path table = Cli.ordersTable(dir);
    Cli.ok("delete", table.toString(), "--where", "id = 2");
    long deleteVersion = 3;
    String text = Cli.ok("changes", table.toString(), "--from", "2").out();
    List<String> lines = text.lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("2\t") && l.contains("\tinsert\t") && l.contains("id=4"));
    assertThat(lines).filteredOn(l -> l.startsWith(deleteVersion + "\t")).singleElement()
        .satisfies(l -> assertThat(l).contains("\tdelete\t").contains("id=2"));
    List<JsonNode> json = Cli.ok("changes", table.toString(), "--from", "3", "--to", "3", "--json").out().lines()
        .map(l -> {
          try {
            return JSON.readTree(l);
          } catch (Exception e) {
            throw new AssertionError(l, e);
          }
        }).toList();
    assertThat(json).singleElement().satisfies(o -> {
      assertThat(o.get("_version").asLong()).isEqualTo(3);
      assertThat(o.get("_change").asText()).isEqualTo("delete");
      assertThat(o.get("id").asLong()).isEqualTo(2);
      assertThat(o.get("_timestamp").asText()).endsWith("Z");
    });
  }

  @Test
  void aVersionRangeOutsideTheTableIsOneErrorLine() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("changes", table.toString(), "--from", "7");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).contains("changes need");
  }

  @Test
  void timestampsSelectTheVersionsCommittedBetweenThemAndMixWithVersions() {
    Path table = Cli.ordersTable(dir);
    Cli.ok("delete", table.toString(), "--where", "id = 2");
    List<Instant> at;
    try (Table t = Tables.open(table.toString())) {
      at = t.history().stream().map(HistoryEntry::timestamp).toList();
    }
    String t = table.toString();
    assertThat(Cli.ok("changes", t, "--from-timestamp", at.get(3).toString(), "--to-timestamp", at.get(3).toString())
        .out()).isEqualTo(Cli.ok("changes", t, "--from", "3", "--to", "3").out()).contains("\tdelete\t");
    assertThat(Cli.ok("changes", t, "--from-timestamp", at.get(1).plusNanos(1).toString()).out())
        .isEqualTo(Cli.ok("changes", t, "--from", "2").out());
    assertThat(Cli.ok("changes", t, "--from", "1", "--to-timestamp", at.get(2).toString()).out())
        .isEqualTo(Cli.ok("changes", t, "--from", "1", "--to", "2").out()).isNotBlank();
    assertThat(Cli.ok("changes", t, "--from-timestamp", at.get(2).toString(), "--to", "2").out())
        .isEqualTo(Cli.ok("changes", t, "--from", "2", "--to", "2").out()).isNotBlank();
    assertThat(Cli.ok("changes", t, "--from-timestamp", at.get(3).plusSeconds(1).toString()).out()).isEmpty();
  }

  @Test
  void aVersionAndATimestampForOneEndOrABadTimestampIsAUsageError() {
    Path table = Cli.ordersTable(dir);
    Cli.Result both = Cli.run("changes", table.toString(), "--from", "1", "--from-timestamp", "2024-01-02");
    assertThat(both.exitCode()).isNotZero();
    assertThat(both.err()).contains("mutually exclusive");
    Cli.Result bad = Cli.run("changes", table.toString(), "--from-timestamp", "yesterday");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("'yesterday' is not a timestamp");
    Cli.Result none = Cli.run("changes", table.toString());
    assertThat(none.exitCode()).isNotZero();
    assertThat(none.err()).contains("--from");
  }
}

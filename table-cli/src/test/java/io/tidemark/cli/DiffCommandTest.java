package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.core.DataFile;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static Set<String> paths(Snapshot s) {
    return s.dataFiles().stream().map(DataFile::path).collect(Collectors.toSet());
  }

  @Test
  void diffJsonAgreesWithTheLibrarysSnapshots() throws Exception {
    Path table = Cli.ordersTable(dir); // v1, v2 appends
    Cli.ok("delete", table.toString(), "--where", "id >= 4"); // v3 removes v2's file
    Cli.ok("alter", table.toString(), "rename-column", "name", "customer"); // v4
    Cli.ok("alter", table.toString(), "add-column", "country", "string"); // v5
    Cli.ok("properties", table.toString(), "set", "user.owner=ingest");
    Table t = Tables.open(table.toString());
    long last = t.currentSnapshot().version();

    JsonNode d = JSON.readTree(Cli.ok("diff", table.toString(), "1", Long.toString(last), "--json").out());
    Snapshot a = t.snapshot(1);
    Snapshot b = t.snapshot(last);
    Set<String> added = new java.util.HashSet<>(paths(b));
    added.removeAll(paths(a));
    Set<String> removed = new java.util.HashSet<>(paths(a));
    removed.removeAll(paths(b));
    assertThat(d.get("from").asLong()).isEqualTo(1);
    assertThat(d.get("to").asLong()).isEqualTo(last);
    assertThat(names(d.get("filesAdded"))).containsExactlyInAnyOrderElementsOf(added);
    assertThat(names(d.get("filesRemoved"))).containsExactlyInAnyOrderElementsOf(removed);
    assertThat(d.get("rowsAdded").asLong() - d.get("rowsRemoved").asLong())
        .isEqualTo(b.recordCount() - a.recordCount());

    JsonNode v1v3 = JSON.readTree(Cli.ok("diff", table.toString(), "1", "3", "--json").out());
    assertThat(v1v3.get("filesAdded")).isEmpty();
    assertThat(v1v3.get("filesRemoved")).isEmpty(); // v2 added and v3 removed the same file
    JsonNode v2v3 = JSON.readTree(Cli.ok("diff", table.toString(), "2", "3", "--json").out());
    assertThat(v2v3.get("rowsRemoved").asLong()).isEqualTo(2);

    List<String> columns = new ArrayList<>();
    d.get("columns").forEach(c -> columns.add(c.get("change").asText() + " " + c.get("id").asInt() + " "
        + c.get("before").asText() + " -> " + c.get("after").asText()));
    assertThat(columns).containsExactly("renamed 2 name string -> customer string",
        "added 5 null -> country string");
    assertThat(d.get("properties").get(0).get("key").asText()).isEqualTo("user.owner");
    assertThat(d.get("properties").get(0).get("change").asText()).isEqualTo("set");
  }

  @Test
  void diffTakesTimestampsAsTheOtherCommandsDo() {
    Path table = Cli.ordersTable(dir);
    String v1 = Timestamps.millis(Tables.open(table.toString()).snapshot(1).timestamp());
    String out = Cli.ok("diff", table.toString(), v1, "2").out();
    assertThat(out).startsWith("from version 1 (" + v1 + ") to version 2").contains("+1 files (2 rows, ")
        .contains("columns     unchanged").contains("properties  unchanged");
    Cli.Result bad = Cli.run("diff", table.toString(), "yesterday", "2");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.errLines().get(0)).contains("'yesterday' is neither a version nor a timestamp");
  }

  private static List<String> names(JsonNode files) {
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(f.get("path").asText()));
    return names;
  }
}

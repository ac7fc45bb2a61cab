package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.core.DataFile;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static List<String> paths(JsonNode files) {
    List<String> paths = new ArrayList<>();
    files.forEach(f -> paths.add(f.get("path").asText()));
    return paths;
  }

  @Test
  void filesListsExactlyTheLiveFilesOfAVersionWhileDataHoldsRemovedOnesToo() throws Exception {
    Path table = Cli.ordersTable(dir); // versions 1 and 2 each add one file
    Cli.ok("delete", table.toString(), "--where", "id >= 4"); // version 3 removes the second file
    assertThat(Cli.dataFiles(table)).isEqualTo(2);

    JsonNode now = JSON.readTree(Cli.ok("files", table.toString(), "--json").out());
    Snapshot current = Tables.open(table.toString()).currentSnapshot();
    assertThat(paths(now)).containsExactlyElementsOf(current.dataFiles().stream().map(DataFile::path).toList())
        .hasSize(1);
    JsonNode file = now.get(0);
    DataFile add = current.dataFiles().iterator().next();
    assertThat(file.get("rows").asLong()).isEqualTo(add.recordCount()).isEqualTo(current.recordCount()).isEqualTo(3);
    assertThat(file.get("bytes").asLong()).isEqualTo(add.fileSizeBytes()).isEqualTo(Files.size(table.resolve(add.path())));
    assertThat(file.get("specId").asInt()).isEqualTo(add.specId());
    assertThat(Path.of(file.get("location").asText().replaceFirst("^file:", ""))).isEqualTo(table.resolve(add.path()));

    JsonNode v2 = JSON.readTree(Cli.ok("files", table.toString(), "--version", "2", "--json").out());
    assertThat(paths(v2)).containsExactlyElementsOf(
        Tables.open(table.toString()).snapshot(2).dataFiles().stream().map(DataFile::path).toList()).hasSize(2);

    String text = Cli.ok("files", table.toString()).out();
    assertThat(text).contains(add.path()).endsWith("(1 file, 3 rows, " + Sizes.format(add.fileSizeBytes()) + ")\n");
  }

  @Test
  void filesWhereListsOnlyFilesThatMayMatchWithTheirPartitionValues() throws Exception {
    Path table = dir.resolve("p");
    Cli.ok("create", table.toString(), "--schema", "id long not null, ts timestamp", "--partition-by", "day(ts)");
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("p.csv"),
        "id,ts\n1,2024-01-01 10:00:00\n2,2024-01-02 10:00:00\n3,2024-01-02 11:00:00\n").toString());

    JsonNode all = JSON.readTree(Cli.ok("files", table.toString(), "--json").out());
    assertThat(all).hasSize(2);
    JsonNode day2 = JSON.readTree(Cli.ok("files", table.toString(), "--where", "ts >= '2024-01-02'", "--json").out());
    assertThat(day2).hasSize(1);
    assertThat(day2.get(0).get("partition").get("ts_day").asText()).isEqualTo("2024-01-02");
    assertThat(day2.get(0).get("rows").asLong()).isEqualTo(2);

    List<String> locations = Cli.ok("files", table.toString(), "--paths").out().lines().toList();
    assertThat(locations).hasSize(2).allSatisfy(l -> assertThat(Path.of(l.replaceFirst("^file:", ""))).isRegularFile());
  }

  @Test
  void filesAndDescribeCountTheRowsADeletionVectorHides() throws Exception {
    Path table = dir.resolve("mor");
    Cli.ok("create", table.toString(), "--schema", "id long not null, name string",
        "--property", "write.delete.mode=merge-on-read");
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("mor.csv"), "id,name\n1,a\n2,b\n3,c\n").toString());
    Cli.ok("delete", table.toString(), "--where", "id = 2");

    JsonNode files = JSON.readTree(Cli.ok("files", table.toString(), "--json").out());
    assertThat(files).hasSize(1);
    assertThat(files.get(0).get("rows").asLong()).isEqualTo(2);
    assertThat(files.get(0).get("deletedRows").asLong()).isEqualTo(1);
    JsonNode before = JSON.readTree(Cli.ok("files", table.toString(), "--version", "1", "--json").out());
    assertThat(before.get(0).get("deletedRows").asLong()).isZero();

    JsonNode described = JSON.readTree(Cli.ok("describe", table.toString(), "--json").out());
    assertThat(described.get("rows").asLong()).isEqualTo(2);
    assertThat(described.get("deletedRows").asLong()).isEqualTo(1);
    assertThat(Cli.ok("describe", table.toString()).out()).contains("(and 1 deleted rows that deletion vectors hide)");
  }
}

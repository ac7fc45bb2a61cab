package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.TableNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableDropTest {
  @TempDir Path dir;
  private final LocalFileIO io = new LocalFileIO();

  private Path tableWithTwoAppendsAndACheckpoint() {
    Path location = dir.resolve("t");
    try (Table table = Tables.create(io, location.toString(), TestTables.SCHEMA, java.util.Map.of())) {
      TestTables.append(table, TestTables.rows(0, 10));
      table.checkpoint();
      TestTables.append(table, TestTables.rows(10, 20));
    }
    return location;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void dropDeletesTheLogAndManifestsAndKeepsTheDataFiles() throws IOException {
    Path location = tableWithTwoAppendsAndACheckpoint();
    List<Path> data = files(location.resolve("data"));
    assertThat(data).hasSize(2);
    assertThat(files(location.resolve("_manifests"))).isNotEmpty();

    assertThat(Tables.drop(io, location.toString(), false)).isTrue();

    assertThat(files(location)).containsExactlyInAnyOrderElementsOf(data);
    assertThatThrownBy(() -> Tables.open(io, location.toString()).refresh())
        .isInstanceOf(TableNotFoundException.class);
  }

  @Test
  void purgeDeletesEveryFileUnderTheRootAndNothingBesideIt() throws IOException {
    Path location = tableWithTwoAppendsAndACheckpoint();
    Path sibling = Files.writeString(dir.resolve("t2"), "a sibling whose name starts like the table's");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path canary = Files.writeString(outside.resolve("canary.parquet"), "not the table's");
    Files.createSymbolicLink(location.resolve("data").resolve("linked"), outside);

    assertThat(Tables.drop(io, location.toString(), true)).isTrue();

    assertThat(files(location)).isEmpty();
    assertThat(sibling).exists();
    assertThat(canary).hasContent("not the table's");
  }

  @Test
  void aLocationWithoutATableIsNotDroppedEvenWithPurge() throws IOException {
    Path notATable = Files.createDirectories(dir.resolve("plain"));
    Path file = Files.writeString(notATable.resolve("data.csv"), "a,b");
    Files.createDirectories(notATable.resolve("_log"));

    assertThat(Tables.drop(io, notATable.toString(), true)).isFalse();
    assertThat(file).exists();
  }

  @Test
  void aTableCreatedAgainAfterADropStartsEmpty() {
    Path location = tableWithTwoAppendsAndACheckpoint();
    Tables.drop(io, location.toString(), false);
    try (Table again = Tables.create(io, location.toString(), TestTables.SCHEMA, java.util.Map.of())) {
      assertThat(again.currentSnapshot().version()).isZero();
      assertThat(again.currentSnapshot().recordCount()).isZero();
    }
  }
}

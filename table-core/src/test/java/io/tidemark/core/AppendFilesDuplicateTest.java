package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duplicate check of an append of files finds live files in the checkpoint and in the commits after it. */
class AppendFilesDuplicateTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null");

  @TempDir
  Path dir;

  private static List<DataFile> write(Table table, long id) {
    try (DataWriter w = table.newDataWriter()) {
      w.write(Record.of(SCHEMA, id));
      return w.finish();
    }
  }

  private static void assertRefused(Table table, DataFile file) {
    assertThatThrownBy(() -> table.newAppendFiles().appendFile(file).commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("already in the table");
  }

  @Test
  void filesInTheCheckpointInTheTailOrReAddedAreFoundAndRemovedOnesAreNot() throws Exception {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of());
    DataFile first = write(table, 1).get(0);
    table.newAppendFiles().appendFile(first).commit();
    table.checkpoint();
    DataFile second = write(table, 2).get(0);
    table.newAppendFiles().appendFile(second).commit();
    assertRefused(table, first); // listed by the checkpoint's manifest
    assertRefused(table, second); // added after the checkpoint
    assertRefused(Tables.open(table.location()), first);

    table.newDelete().where("id = 1").commit();
    long version = table.refresh().version();
    table.newAppendFiles().appendFile(first).commit(); // removed after the checkpoint: no longer live
    assertThat(table.refresh().version()).isEqualTo(version + 1);
    assertRefused(table, first); // removed, then added again
    assertThat(TestTables.read(table.newScan())).hasSize(2);
  }

  @Test
  void aCheckpointWhoseManifestsAreGoneFallsBackToTheLog() throws Exception {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of());
    DataFile first = write(table, 1).get(0);
    table.newAppendFiles().appendFile(first).commit();
    table.checkpoint();
    try (Stream<Path> manifests = Files.list(dir.resolve("t/_manifests"))) {
      for (Path m : manifests.toList()) {
        Files.delete(m);
      }
    }
    assertRefused(Tables.open(table.location()), first);
  }
}

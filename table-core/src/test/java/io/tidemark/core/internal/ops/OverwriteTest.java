package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.row;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Overwrite;
import io.tidemark.core.OverwriteResult;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverwriteTest {
  private static final Schema EVENTS = SchemaDdl.parse("id long not null, category string, v int");

  @TempDir
  Path dir;

  @Test
  void replacesTheRowsMatchingTheFilterInOneCommit() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    OverwriteResult r;
    try (Overwrite o = table.newOverwrite().where("id >= 5 and id < 15")) {
      o.writeAll(List.of(row(7), row(12), row(14)));
      r = o.commit();
    }
    assertThat(r.version()).isEqualTo(3);
    assertThat(r.numDeletedRows()).isEqualTo(10);
    assertThat(r.numRemovedFiles()).isEqualTo(2);
    assertThat(r.numOutputRows()).isEqualTo(3);
    assertThat(r.numAddedFiles()).isEqualTo(3); // two rewrites and the new rows' file
    assertThat(ids(table)).containsExactly(0L, 1L, 2L, 3L, 4L, 7L, 12L, 14L, 15L, 16L, 17L, 18L, 19L);
    HistoryEntry entry = table.history().get(3);
    assertThat(entry.operation()).isEqualTo("OVERWRITE");
    assertThat(entry.parameters()).containsEntry("mode", "Static").containsEntry("predicate", "id >= 5 and id < 15");
    assertThat(entry.metrics()).containsEntry("numOutputRows", 3L).containsEntry("numDeletedRows", 10L);
  }

  @Test
  void aNewRowOutsideTheFilterIsRefusedAndNothingIsLeftBehind() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    try (Overwrite o = table.newOverwrite().where("id < 5")) {
      o.write(row(1));
      assertThatThrownBy(() -> o.write(row(6))).isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("does not match");
    }
    assertThat(OpsFixtures.dataFilesOnDisk(table)).hasSize(1);
    assertThat(table.refresh().version()).isEqualTo(1);
  }

  private Table events() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("events").toString(), EVENTS,
        PartitionSpec.builderFor(EVENTS).identity("category").build(), Map.of());
    try (var w = table.newAppend()) {
      for (long i = 0; i < 9; i++) {
        w.write(Record.of(EVENTS, i, List.of("a", "b", "c").get((int) (i % 3)), 0));
      }
      w.commit();
    }
    return table;
  }

  @Test
  void dynamicModeReplacesExactlyThePartitionsTheNewRowsLandIn() {
    Table table = events();
    OverwriteResult r;
    try (Overwrite o = table.newOverwrite().dynamicPartitions()) {
      o.write(Record.of(EVENTS, 100L, "a", 1));
      o.write(Record.of(EVENTS, 101L, "c", 1));
      o.write(Record.of(EVENTS, 102L, "d", 1));
      r = o.commit();
    }
    assertThat(r.numRemovedFiles()).isEqualTo(2);
    assertThat(r.numDeletedRows()).isEqualTo(6);
    assertThat(r.numAddedFiles()).isEqualTo(3);
    assertThat(ids(table)).containsExactly(1L, 4L, 7L, 100L, 101L, 102L);
    assertThat(table.history().get(2).parameters()).containsEntry("mode", "Dynamic");
  }

  @Test
  void dynamicModeOnAnUnpartitionedTableReplacesTheTable() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    try (Overwrite o = table.newOverwrite().dynamicPartitions()) {
      o.write(TestTables.row(42));
      o.commit();
    }
    assertThat(ids(table)).containsExactly(42L);
  }

  @Test
  void aModeIsChosenOnceAndBeforeWriting() {
    Table table = events();
    try (Overwrite o = table.newOverwrite()) {
      assertThatThrownBy(() -> o.write(Record.of(EVENTS, 1L, "a", 0))).isInstanceOf(InvalidArgumentException.class);
      o.dynamicPartitions();
      assertThatThrownBy(() -> o.where("id = 1")).isInstanceOf(InvalidArgumentException.class);
    }
  }
}

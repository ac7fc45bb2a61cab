package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static io.tidemark.core.internal.ops.OpsFixtures.rowsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Overwrite;
import io.tidemark.core.Restore;
import io.tidemark.core.RestoreResult;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.VacuumReport;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.MissingDataFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTest {
  @TempDir
  Path dir;

  /** Appends, deletes (by stats and by rewrite), a compaction and an overwrite, with checkpoints among them. */
  private Table tableWithHistory() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA,
        Map.of(TableProperties.CHECKPOINT_INTERVAL, "3"));
    append(table, rows(0, 10));                                        // 1
    append(table, rows(10, 20));                                       // 2
    append(table, rows(20, 30));                                       // 3 (checkpoint)
    table.newDelete().where("id in (3, 15)").commit();                 // 4: two files rewritten
    table.compact().targetFileSizeBytes(64 << 20).commit();            // 5: all into one
    append(table, rows(30, 40));                                       // 6 (checkpoint)
    table.newDelete().where("id >= 30").commit();                      // 7: removed by stats
    try (Overwrite o = table.newOverwrite().where("id < 5")) {        // 8
      o.writeAll(List.of(TestTables.row(1), TestTables.row(2)));
      o.commit();
    }
    return table;
  }

  @Test
  void restoreThenScanEqualsTheTargetVersionsScanForEveryVersion() {
    Table table = tableWithHistory();
    long last = table.refresh().version();
    assertThat(last).isEqualTo(8);
    List<List<String>> expected = new ArrayList<>();
    for (long v = 0; v <= last; v++) {
      expected.add(rowsOf(table.newScan().asOfVersion(v)));
    }
    // a restore from every state to every version would be quadratic; go down then back up
    List<Long> targets = new ArrayList<>();
    for (long v = last - 1; v >= 0; v--) {
      targets.add(v);
    }
    for (long v = 1; v <= last; v++) {
      targets.add(v);
    }
    for (long target : targets) {
      RestoreResult r = table.restore().toVersion(target).commit();
      assertThat(r.restoredVersion()).isEqualTo(target);
      assertThat(rowsOf(table.newScan())).as("after restoring version %d", target)
          .isEqualTo(expected.get((int) target));
      assertThat(table.refresh().dataFiles()).extracting(f -> f.path())
          .containsExactlyInAnyOrderElementsOf(table.snapshot(target).dataFiles().stream().map(f -> f.path()).toList());
    }
    assertThat(table.refresh().version()).isEqualTo(last + targets.size());
  }

  @Test
  void restoreRecordsVersionAndFileCountsInHistory() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 5));
    append(table, rows(5, 10));
    append(table, rows(10, 15));
    table.newDelete().where("id < 5").commit();                        // 4: file of v1 removed
    RestoreResult r = table.restore().toVersion(1).commit();           // 5
    assertThat(r.version()).isEqualTo(5);
    assertThat(r.numRestoredFiles()).isEqualTo(1);
    assertThat(r.numRemovedFiles()).isEqualTo(2);
    assertThat(ids(table)).containsExactly(0L, 1L, 2L, 3L, 4L);
    HistoryEntry entry = table.history().get(5);
    assertThat(entry.operation()).isEqualTo("RESTORE");
    assertThat(entry.parameters()).containsEntry("version", "1");
    assertThat(entry.metrics()).containsEntry("numRestoredFiles", 1L).containsEntry("numRemovedFiles", 2L);
    assertThat(entry.isolationLevel()).isEqualTo("Serializable");
    assertThat(entry.blindAppend()).isFalse();
    // and a restore is undone by another
    table.restore().toVersion(4).commit();
    assertThat(ids(table)).containsExactlyElementsOf(java.util.stream.LongStream.range(5, 15).boxed().toList());
  }

  @Test
  void restoreToATimestampPicksTheVersionCurrentThen() throws Exception {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 3));
    var at = table.refresh().timestamp();
    Thread.sleep(5);
    append(table, rows(3, 6));
    RestoreResult r = table.restore().toTimestamp(at.plusMillis(1)).commit();
    assertThat(r.restoredVersion()).isEqualTo(1);
    assertThat(ids(table)).containsExactly(0L, 1L, 2L);
    assertThat(table.history().get(3).parameters()).containsEntry("version", "1").containsKey("timestamp");
  }

  @Test
  void restoreIsRefusedNamingTheFilesVacuumTook() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 5));
    append(table, rows(5, 10));
    String first = table.snapshot(1).dataFiles().iterator().next().path();
    table.newDelete().where("id < 5").commit();
    VacuumReport report = OpsFixtures.vacuumFromTheFuture(table, Duration.ofHours(1)).retain(Duration.ofMinutes(1))
        .execute();
    assertThat(report.dataFiles()).containsExactly(first);
    long before = table.refresh().version();
    assertThatThrownBy(() -> table.restore().toVersion(1).commit())
        .isInstanceOfSatisfying(MissingDataFileException.class, e -> {
          assertThat(e.paths()).containsExactly(first);
          assertThat(e.version()).isEqualTo(1);
          assertThat(e.getMessage()).contains(first).contains("version 1").contains("gone");
        });
    assertThat(table.refresh().version()).isEqualTo(before);
  }

  @Test
  void restoreConflictsWithAConcurrentDataChange() throws Exception {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 5));
    append(table, rows(5, 10));
    Restore restore = table.restore().toVersion(1);
    Thread appender = new Thread(() -> append(table, rows(10, 12)));
    appender.start();
    appender.join();
    assertThatThrownBy(restore::commit).isInstanceOfSatisfying(CommitConflictException.class,
        e -> assertThat(e.conflictingVersion()).isEqualTo(3));
    assertThat(ids(table)).hasSize(12);
  }

  @Test
  void restoreNeedsAnExistingTarget() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 1));
    assertThatThrownBy(() -> table.restore().commit()).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> table.restore().toVersion(5).commit()).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("version 5");
  }
}

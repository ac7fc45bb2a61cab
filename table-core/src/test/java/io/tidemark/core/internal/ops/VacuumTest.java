package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.dataFilesOnDisk;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static io.tidemark.core.internal.ops.OpsFixtures.vacuumFromTheFuture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.Vacuum;
import io.tidemark.core.VacuumReport;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.MissingDataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VacuumTest {
  @TempDir
  Path dir;

  /** Versions 1-3 append, 4 deletes by rewrite, 5 compacts: the files of 1-4 are dead after 5. */
  private Table tableWithDeadFiles(Map<String, String> properties) {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, properties);
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    append(table, rows(20, 30));
    table.newDelete().where("id = 15").commit();
    table.compact().targetFileSizeBytes(64 << 20).commit();
    return table;
  }

  private static Set<String> live(Table table) {
    return table.refresh().dataFiles().stream().map(DataFile::path).collect(Collectors.toSet());
  }

  @Test
  void aDryRunListsExactlyWhatARealVacuumDeletes() {
    Table table = tableWithDeadFiles(Map.of());
    Set<String> onDisk = dataFilesOnDisk(table);
    Set<String> expected = new TreeSet<>(onDisk);
    expected.removeAll(live(table));
    assertThat(expected).hasSize(4); // three appended files and the rewrite of the delete

    VacuumReport dry = vacuumFromTheFuture(table, Duration.ofHours(2)).retain(Duration.ofHours(1)).dryRun(true)
        .execute();
    assertThat(dry.dryRun()).isTrue();
    assertThat(new TreeSet<>(dry.dataFiles())).isEqualTo(expected);
    assertThat(dry.dataBytes()).isPositive();
    assertThat(dataFilesOnDisk(table)).isEqualTo(onDisk);

    VacuumReport real = vacuumFromTheFuture(table, Duration.ofHours(2)).retain(Duration.ofHours(1)).execute();
    assertThat(real.dataFiles()).isEqualTo(dry.dataFiles());
    assertThat(real.dataBytes()).isEqualTo(dry.dataBytes());
    Set<String> remaining = new HashSet<>(onDisk);
    remaining.removeAll(dry.dataFiles());
    assertThat(dataFilesOnDisk(table)).isEqualTo(remaining).isEqualTo(live(table));
    assertThat(ids(table)).hasSize(29);
  }

  @Test
  void versionsInsideTheWindowKeepTheirFiles() {
    Table table = tableWithDeadFiles(Map.of());
    // the real clock: every version is inside the default 7-day window
    VacuumReport report = table.vacuum().execute();
    assertThat(report.dataFiles()).isEmpty();
    assertThat(report.oldestRetainedVersion()).isZero();
    for (long v = 0; v <= 5; v++) {
      assertThat(read(table.newScan().asOfVersion(v))).hasSize(new int[] {0, 10, 20, 30, 29, 29}[(int) v]);
    }
  }

  @Test
  void timeTravelToAVacuumedVersionIsAClearError() {
    Table table = tableWithDeadFiles(Map.of());
    vacuumFromTheFuture(table, Duration.ofHours(2)).retain(Duration.ofHours(1)).execute();
    assertThatThrownBy(() -> read(table.newScan().asOfVersion(2)))
        .isInstanceOfSatisfying(MissingDataFileException.class, e -> {
          assertThat(e.version()).isEqualTo(2);
          assertThat(e.getMessage()).contains("of version 2 is gone (vacuumed?)").contains(e.paths().get(0));
        });
    assertThat(read(table.newScan())).hasSize(29);
  }

  @Test
  void orphansAreDeletedOnlyWhenOlderThanTheWindow() throws Exception {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    Path data = dir.resolve("t/data");
    Path young = Files.writeString(data.resolve("young-orphan.parquet"), "being written");
    Path old = Files.writeString(data.resolve("old-orphan.parquet"), "crashed writer");
    Path hidden = Files.writeString(data.resolve(".old.crc"), "x");
    FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(8)));
    Files.setLastModifiedTime(old, longAgo);
    Files.setLastModifiedTime(hidden, longAgo);
    VacuumReport report = table.vacuum().execute();
    assertThat(report.dataFiles()).containsExactly("data/old-orphan.parquet");
    assertThat(young).exists();
    assertThat(old).doesNotExist();
    assertThat(hidden).exists();
    assertThat(ids(table)).hasSize(10);
  }

  @Test
  void aRetentionShorterThanTheDefaultNeedsForce() {
    Table table = tableWithDeadFiles(Map.of());
    assertThatThrownBy(() -> table.vacuum().retain(Duration.ofHours(1)).execute())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("time travel")
        .hasMessageContaining("force");
    assertThatThrownBy(() -> table.vacuum().retain(Duration.ofHours(-1)))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(table.vacuum().retain(Duration.ofHours(1)).force(true).dryRun(true).execute().dryRun()).isTrue();
  }

  @Test
  void logRetentionExpiresCommitsBeforeTheOldestRetainedCheckpoint() {
    Table table = tableWithDeadFiles(Map.of(TableProperties.CHECKPOINT_INTERVAL, "2",
        Vacuum.LOG_RETENTION_ENABLED, "true"));
    append(table, rows(30, 35)); // 6
    append(table, rows(35, 40)); // 7
    VacuumReport report = vacuumFromTheFuture(table, Duration.ofHours(2)).retain(Duration.ofHours(1)).execute();
    assertThat(report.oldestRetainedVersion()).isEqualTo(7);
    // checkpoint 6 is the newest at or before version 7: commits 1-5 and checkpoints 2 and 4 go
    assertThat(report.logFiles()).hasSize(7);
    assertThat(OpsFixtures.commitFiles(table)).containsExactly(0L, 6L, 7L);
    assertThat(report.manifests()).isNotEmpty(); // those only checkpoints 2 and 4 listed

    Table reopened = Tables.open(new LocalFileIO(), table.location());
    assertThat(ids(reopened)).hasSize(39);
    assertThat(reopened.history()).extracting(h -> h.version()).containsExactly(0L, 6L, 7L);
    assertThat(ids(reopened.newScan().asOfVersion(6))).hasSize(34);
    assertThat(reopened.snapshotAsOf(Instant.now()).version()).isEqualTo(7);
    assertThatThrownBy(() -> reopened.snapshot(3)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no longer available");
    append(reopened, rows(40, 41));
    assertThat(ids(reopened)).hasSize(40);
  }

  @Test
  void withoutLogRetentionNoCommitFileIsDeleted() {
    Table table = tableWithDeadFiles(Map.of(TableProperties.CHECKPOINT_INTERVAL, "2"));
    VacuumReport report = vacuumFromTheFuture(table, Duration.ofHours(2)).retain(Duration.ofHours(1)).execute();
    assertThat(report.logFiles()).isEmpty();
    assertThat(report.manifests()).isEmpty();
    assertThat(OpsFixtures.commitFiles(table)).hasSize(6);
    assertThat(table.history()).hasSize(6);
  }
}

package io.tidemark.core.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.ScanPlan;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.CountingFileIO;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, ts timestamp, category string");
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir
  Path dir;

  /** One append per day: 5 rows spread over that day, so each day's files sit in their own partition. */
  static List<Record> day(int d) {
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long id = d * 5L + i;
      rows.add(Record.of(SCHEMA, id, START.plusSeconds(d * 86_400L + i * 3_600L), "c" + i));
    }
    return rows;
  }

  static List<Record> days(int from, int to) {
    List<Record> rows = new ArrayList<>();
    for (int d = from; d < to; d++) {
      rows.addAll(day(d));
    }
    return rows;
  }

  private Table thirtyDayTable(CountingFileIO io, Map<String, String> properties) {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").build();
    Table table = Tables.create(io, dir.resolve("t").toString(), SCHEMA, spec, properties);
    for (int d = 0; d < 30; d++) {
      TestTables.append(table, day(d));
    }
    return table;
  }

  private Path log() {
    return dir.resolve("t/_log");
  }

  @Test
  void checkpointsAreWrittenEveryIntervalAndTheHintPointsAtTheNewest() throws Exception {
    thirtyDayTable(new CountingFileIO(), Map.of(TableProperties.CHECKPOINT_INTERVAL, "10"));
    try (Stream<Path> files = Files.list(log())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".checkpoint.json")).sorted())
          .containsExactly(LogFiles.checkpointFileName(10), LogFiles.checkpointFileName(20),
              LogFiles.checkpointFileName(30));
    }
    assertThat(Files.readString(log().resolve("_last_checkpoint"))).contains("\"version\":30");
  }

  @Test
  void aCheckpointReusesTheManifestsNoCommitTouched() throws Exception {
    thirtyDayTable(new CountingFileIO(), Map.of(TableProperties.CHECKPOINT_INTERVAL, "10"));
    try (Stream<Path> manifests = Files.list(dir.resolve("t/_manifests"))) {
      // each checkpoint wrote only the 10 new files' manifest: 3 manifests in all, not 1 + 2 + 3
      assertThat(manifests).hasSize(3);
    }
  }

  @Test
  void aOneDayPlanReadsTheManifestListAndOnlyTheManifestThatHoldsThatDay() {
    CountingFileIO io = new CountingFileIO();
    thirtyDayTable(io, Map.of(TableProperties.CHECKPOINT_INTERVAL, "0", TableProperties.MANIFEST_MAX_FILES, "8"));
    Table writer = Tables.open(io, dir.resolve("t").toString());
    writer.checkpoint();
    io.reset();
    Table table = Tables.open(io, dir.resolve("t").toString());
    assertThat(io.reads("checkpoint")).isEqualTo(1);
    assertThat(io.reads("commit")).isZero();
    assertThat(io.reads("manifest")).isZero();
    ScanPlan plan = table.newScan().filter("ts >= '2024-01-12 00:00:00' and ts < '2024-01-13 00:00:00'").plan();
    // days of one file are smaller than a quarter of a manifest: they share manifests, whole, up to 8 files
    assertThat(plan.metrics().manifestsTotal()).isEqualTo(4);
    assertThat(plan.metrics().manifestsRead()).isEqualTo(1);
    assertThat(io.reads("manifest")).isEqualTo(1);
    assertThat(plan.metrics().filesTotal()).isEqualTo(30);
    assertThat(plan.metrics().filesMatched()).isEqualTo(1);
    assertThat(TestTables.read(table.newScan().filter("ts >= '2024-01-12 00:00:00' and ts < '2024-01-13 00:00:00'")))
        .containsExactlyInAnyOrderElementsOf(day(11));
  }

  @Test
  void refreshingACachedTableAfterOneCommitReadsThatCommitOnly() {
    CountingFileIO io = new CountingFileIO();
    Table table = thirtyDayTable(io, Map.of(TableProperties.CHECKPOINT_INTERVAL, "10"));
    Table reader = Tables.open(io, table.location());
    TestTables.append(table, day(30));
    io.reset();
    assertThat(reader.refresh().version()).isEqualTo(31);
    // the new commit, then a probe of the next version that finds nothing; no listing
    assertThat(io.reads("commit")).isEqualTo(2);
    assertThat(io.reads("list")).isZero();
    assertThat(io.reads("checkpoint")).isZero();
    assertThat(io.reads("manifest")).isZero();
  }

  @Test
  void aDeletedOrDamagedCheckpointFallsBackToAnOlderOneOrTheLogWithTheSameContents() throws Exception {
    thirtyDayTable(new CountingFileIO(), Map.of(TableProperties.CHECKPOINT_INTERVAL, "10"));
    List<Record> expected = days(0, 30);
    Files.writeString(log().resolve(LogFiles.checkpointFileName(30)), "{\"checkpoint\": garbage\n");
    Table fromOlder = Tables.open(dir.resolve("t").toString());
    assertThat(fromOlder.refresh().version()).isEqualTo(30);
    assertThat(TestTables.read(fromOlder.newScan())).containsExactlyInAnyOrderElementsOf(expected);

    Files.delete(log().resolve(LogFiles.checkpointFileName(20)));
    Files.delete(log().resolve("_last_checkpoint"));
    try (Stream<Path> manifests = Files.list(dir.resolve("t/_manifests"))) {
      for (Path m : (Iterable<Path>) manifests::iterator) {
        Files.write(m, new byte[] {1, 2, 3}); // damaged manifests too: checkpoint 10 is unusable
      }
    }
    Files.delete(log().resolve(LogFiles.checkpointFileName(10)));
    Table fromLog = Tables.open(dir.resolve("t").toString());
    assertThat(fromLog.refresh().version()).isEqualTo(30);
    assertThat(TestTables.read(fromLog.newScan())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(fromLog.history()).hasSize(31);
  }

  @Test
  void aCheckpointPropertyThatIsNotANumberIsRefusedWhenTheTableIsCreated() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").build();
    for (String key : List.of(TableProperties.CHECKPOINT_INTERVAL, TableProperties.MANIFEST_MAX_FILES)) {
      assertThatThrownBy(() -> Tables.create(new CountingFileIO(), dir.resolve("bad").toString(), SCHEMA, spec,
          Map.of(key, "often")))
          .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(key);
    }
    assertThat(Files.exists(dir.resolve("bad/_log"))).isFalse();
  }

  @Test
  void timeTravelBeforeAndAfterACheckpointReadsExactlyThoseVersions() {
    Table table = thirtyDayTable(new CountingFileIO(), Map.of(TableProperties.CHECKPOINT_INTERVAL, "10"));
    for (int v : new int[] {5, 10, 15, 30}) {
      assertThat(TestTables.read(table.newScan().asOfVersion(v))).containsExactlyInAnyOrderElementsOf(days(0, v));
    }
  }
}

package io.tidemark.core.internal.checkpoint;

import static io.tidemark.core.internal.checkpoint.CheckpointTest.SCHEMA;
import static io.tidemark.core.internal.checkpoint.CheckpointTest.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.DataFile;
import io.tidemark.core.ScanPlan;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.CountingFileIO;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.partition.PartitionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint manifests hold whole partitions, so that a plan of one partition reads that
 * partition's manifests only; and a plan streamed file by file ({@code Scan.files()}) returns
 * exactly what {@code plan()} returns, also when a manifest turns out damaged part-way.
 */
class ManifestPackingTest {
  private static final String DAY_3 = "ts >= '2024-01-04 00:00:00' and ts < '2024-01-05 00:00:00'";

  @TempDir
  Path dir;

  /** {@code appendsPerDay} appends (one file each) to each of {@code days} days, in day order. */
  private Table table(CountingFileIO io, int days, int appendsPerDay, Map<String, String> properties) {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").build();
    Table table = Tables.create(io, dir.resolve("t").toString(), SCHEMA, spec, properties);
    for (int d = 0; d < days; d++) {
      for (int a = 0; a < appendsPerDay; a++) {
        TestTables.append(table, day(d).subList(a % 5, a % 5 + 1));
      }
    }
    return table;
  }

  private static Checkpoint checkpointOf(Table table, long version) {
    return new CheckpointStore(table.io(), table.location()).read(version).orElseThrow();
  }

  @Test
  void aPartitionOfAQuarterOfAManifestOrMoreGetsManifestsOfItsOwnAndAOneDayPlanReadsOnlyThose() {
    CountingFileIO io = new CountingFileIO();
    // 6 days of 5 files; at most 8 files a manifest: each day (5 >= 8 / 4) gets its own manifest
    Table table = table(io, 6, 5, Map.of(TableProperties.CHECKPOINT_INTERVAL, "0",
        TableProperties.MANIFEST_MAX_FILES, "8"));
    long version = table.checkpoint();
    Checkpoint cp = checkpointOf(table, version);
    assertThat(cp.manifests()).hasSize(6).allSatisfy(m -> {
      assertThat(m.fileCount()).isEqualTo(5);
      assertThat(m.partitionBounds().values()).singleElement()
          .satisfies(b -> assertThat(b.min()).isEqualTo(b.max()));
    });
    io.reset();
    Table reader = Tables.open(io, table.location());
    ScanPlan plan = reader.newScan().filter(DAY_3).plan();
    assertThat(plan.metrics().manifestsRead()).isEqualTo(1);
    assertThat(io.reads("manifest")).isEqualTo(1);
    assertThat(plan.metrics().filesMatched()).isEqualTo(5);
  }

  @Test
  void aPartitionOfMoreFilesThanAManifestHoldsIsSplitEvenlyIntoManifestsOfThatPartitionOnly() {
    Table table = table(new CountingFileIO(), 2, 10, Map.of(TableProperties.CHECKPOINT_INTERVAL, "0",
        TableProperties.MANIFEST_MAX_FILES, "4"));
    Checkpoint cp = checkpointOf(table, table.checkpoint());
    // 10 files a day, 4 a manifest: 3 manifests of 3, 3 and 4 files per day, none mixing days
    assertThat(cp.manifests()).hasSize(6);
    assertThat(cp.manifests().stream().map(ManifestEntry::fileCount).sorted().toList())
        .containsExactly(3L, 3L, 3L, 3L, 4L, 4L);
    assertThat(cp.manifests()).allSatisfy(m -> assertThat(m.partitionBounds().values()).singleElement()
        .satisfies(b -> assertThat(b.min()).isEqualTo(b.max())));
  }

  @Test
  void smallPartitionsShareManifestsAndNoPartitionIsSplitBetweenTwo() {
    // 9 days of 3 files; at most 16 files a manifest: a day (3 < 16 / 4) shares, 5 days fill 15
    Table table = table(new CountingFileIO(), 9, 3, Map.of(TableProperties.CHECKPOINT_INTERVAL, "0",
        TableProperties.MANIFEST_MAX_FILES, "16"));
    Checkpoint cp = checkpointOf(table, table.checkpoint());
    assertThat(cp.manifests().stream().map(ManifestEntry::fileCount).toList()).containsExactly(15L, 12L);
    ScanPlan plan = Tables.open(table.location()).newScan().filter(DAY_3).plan();
    assertThat(plan.metrics().manifestsRead()).isEqualTo(1);
    assertThat(plan.metrics().filesMatched()).isEqualTo(3);
  }

  @Test
  void automaticCheckpointsKeepEachDaysFilesApartFromOtherDays() {
    // 5 files a day, a checkpoint every 4 commits: a day spans two checkpoints' new files
    Table table = table(new CountingFileIO(), 6, 5, Map.of(TableProperties.CHECKPOINT_INTERVAL, "4",
        TableProperties.MANIFEST_MAX_FILES, "8"));
    Table reader = Tables.open(table.location());
    ScanPlan plan = reader.newScan().filter(DAY_3).plan();
    assertThat(plan.metrics().filesMatched()).isEqualTo(5);
    assertThat(plan.metrics().manifestsRead()).isLessThanOrEqualTo(2);
    assertThat(TestTables.read(reader.newScan().filter(DAY_3))).containsExactlyInAnyOrderElementsOf(day(3));
  }

  @Test
  void aStreamedPlanReturnsThePlansFilesInItsOrderWithAndWithoutAFilter() {
    Table table = table(new CountingFileIO(), 6, 5, Map.of(TableProperties.CHECKPOINT_INTERVAL, "7",
        TableProperties.MANIFEST_MAX_FILES, "8"));
    TestTables.append(table, day(3)); // added after the newest checkpoint
    for (String filter : new String[] {null, DAY_3, "id < 7"}) {
      Table fresh = Tables.open(table.location());
      List<DataFile> streamed = new ArrayList<>();
      (filter == null ? fresh.newScan() : fresh.newScan().filter(filter)).files().forEach(streamed::add);
      ScanPlan plan = (filter == null ? table.newScan() : table.newScan().filter(filter)).plan();
      assertThat(streamed).as(filter).isNotEmpty().containsExactlyElementsOf(plan.files());
    }
  }

  @Test
  void aStreamedPlanThatMeetsADamagedManifestPartWayReturnsEveryLiveFileOnce() throws Exception {
    Table table = table(new CountingFileIO(), 6, 5, Map.of(TableProperties.CHECKPOINT_INTERVAL, "0",
        TableProperties.MANIFEST_MAX_FILES, "8"));
    Set<String> expected = new HashSet<>();
    table.refresh().dataFiles().forEach(f -> expected.add(f.path()));
    Checkpoint cp = checkpointOf(table, table.checkpoint());
    // the fourth manifest is damaged: three were streamed before the plan finds out
    Path damaged = dir.resolve("t").resolve(cp.manifests().get(3).path());
    byte[] bytes = Files.readAllBytes(damaged);
    Files.write(damaged, Arrays.copyOf(bytes, bytes.length / 2));
    List<String> streamed = new ArrayList<>();
    Tables.open(table.location()).newScan().files().forEach(f -> streamed.add(f.path()));
    assertThat(streamed).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    List<Record> rows = TestTables.read(Tables.open(table.location()).newScan());
    assertThat(rows).hasSize(30);
  }
}

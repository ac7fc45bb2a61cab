package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.rowsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.CompactionResult;
import io.tidemark.core.DataFile;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.ProgressListener;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {
  @TempDir
  Path dir;

  private Table tableOfSmallFiles(int files) {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    for (int i = 0; i < files; i++) {
      append(table, rows(i * 10L, i * 10L + 10));
    }
    return table;
  }

  @Test
  void binPacksSmallFilesIntoOneCommitWithoutDataChange() {
    Table table = tableOfSmallFiles(6);
    List<String> before = rowsOf(table.newScan());
    long bytesBefore = table.refresh().dataFiles().stream().mapToLong(DataFile::fileSizeBytes).sum();
    CompactionResult r = table.compact().targetFileSizeBytes(32L << 20).commit();
    assertThat(r.version()).isEqualTo(7);
    assertThat(r.numRemovedFiles()).isEqualTo(6);
    assertThat(r.numRemovedBytes()).isEqualTo(bytesBefore);
    assertThat(r.numAddedFiles()).isEqualTo(1);
    assertThat(r.numPartitions()).isEqualTo(1);
    assertThat(table.refresh().dataFiles()).hasSize(1);
    assertThat(rowsOf(table.newScan())).isEqualTo(before);
    Commit commit = ((TableContext) table).log().read(7);
    assertThat(commit.adds()).allSatisfy(a -> assertThat(a.dataChange()).isFalse());
    assertThat(commit.removes()).hasSize(6).allSatisfy(rm -> assertThat(rm.dataChange()).isFalse());
    HistoryEntry entry = table.history().get(7);
    assertThat(entry.operation()).isEqualTo("OPTIMIZE");
    assertThat(entry.metrics()).containsEntry("numRemovedFiles", 6L).containsEntry("numAddedFiles", 1L)
        .containsEntry("numRemovedBytes", bytesBefore).containsKey("numAddedBytes");
    assertThat(entry.isolationLevel()).isEqualTo("WriteSerializable");
  }

  @Test
  void packsToTheTargetSizeAndLeavesLargeFilesAlone() {
    Table table = tableOfSmallFiles(6);
    long size = table.refresh().dataFiles().iterator().next().fileSizeBytes();
    // a target a little over two files: groups of two
    CompactionResult r = table.compact().targetFileSizeBytes(size * 2 + size / 2).commit();
    assertThat(r.numRemovedFiles()).isEqualTo(6);
    assertThat(r.numAddedFiles()).isEqualTo(3);
    assertThat(table.refresh().dataFiles()).hasSize(3).allSatisfy(f -> assertThat(f.recordCount()).isEqualTo(20));
    assertThat(OpsFixtures.ids(table)).hasSize(60);
  }

  @Test
  void nothingToCompactCommitsNothing() {
    Table table = tableOfSmallFiles(1);
    assertThat(table.compact().commit().version()).isEqualTo(-1);
    assertThat(table.refresh().version()).isEqualTo(1);
  }

  @Test
  void compactsPartitionByPartitionOnlyWhereTheFilterMayMatchAndSorts() {
    Schema schema = SchemaDdl.parse("id long not null, ts timestamp");
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), schema,
        PartitionSpec.builderFor(schema).day("ts").build(), Map.of());
    for (int batch = 0; batch < 3; batch++) {
      try (var w = table.newAppend()) {
        for (long i = 0; i < 4; i++) {
          long id = 100 - batch * 10 - i;
          w.write(Record.of(schema, id, Instant.parse("2024-01-0" + (1 + i % 2) + "T00:00:00Z").plusSeconds(id)));
        }
        w.commit();
      }
    }
    assertThat(table.refresh().dataFiles()).hasSize(6);
    List<ProgressListener.Progress> progress = new ArrayList<>();
    CompactionResult r = table.compact().where("ts < '2024-01-02'").sortBy("id").progress(progress::add).commit();
    assertThat(r.numPartitions()).isEqualTo(1);
    assertThat(r.numRemovedFiles()).isEqualTo(3);
    assertThat(r.numAddedFiles()).isEqualTo(1);
    assertThat(progress).hasSize(4);
    assertThat(progress.get(0).filesDone()).isZero();
    assertThat(progress.get(3).filesDone()).isEqualTo(3);
    assertThat(progress.get(3).fraction()).isEqualTo(1.0);
    AddFile compacted = ((TableContext) table).log().read(r.version()).adds().get(0);
    assertThat(compacted.partitionValues()).containsEntry("ts_day", "2024-01-01");
    List<Long> ids = TestTables.read(table.newScan().filter("ts < '2024-01-02'")).stream()
        .map(x -> (Long) x.get("id")).toList();
    assertThat(ids).isSorted().hasSize(6);
    assertThat(table.refresh().dataFiles()).hasSize(4);
  }
}

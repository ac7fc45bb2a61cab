package io.tidemark.core.internal.snapshot;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.TestTables.writeCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader refuses while it replays commits: removes of files that are not live, adds it cannot place. */
class ReplayChecksTest {
  @TempDir
  Path dir;
  Table table;
  String location;

  @BeforeEach
  void twoAppends() {
    location = dir.resolve("t").toString();
    table = Tables.create(location, SCHEMA);
    append(table, rows(0, 3));
    append(table, rows(3, 6));
  }

  private AddFile aLiveFile() {
    return ((TableContext) table).latestState().dataFiles().iterator().next();
  }

  private static RemoveFile remove(String path) {
    return new RemoveFile(path, 0, true, null, null);
  }

  @Test
  void aRemoveOfAPathNeverAddedIsACorruptLogNamingCommitLineAndPath() {
    String mutated = aLiveFile().path().replace(".parquet", "x.parquet");
    long version = writeCommit(table, remove(mutated));

    assertThatThrownBy(() -> Tables.open(location).refresh())
        .isInstanceOfSatisfying(CorruptLogException.class, e -> {
          assertThat(e.file()).isEqualTo("_log/0000000000000000000" + version + ".json");
          assertThat(e.line()).isEqualTo(2);
        })
        .hasMessageContaining(mutated).hasMessageContaining("not a live file");
  }

  @Test
  void aSecondRemoveOfTheSameFileIsACorruptLog() {
    String path = aLiveFile().path();
    writeCommit(table, remove(path));
    writeCommit(table, remove(path));

    assertThatThrownBy(() -> Tables.open(location).refresh()).isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("00000000000000000004.json").hasMessageContaining(path);
  }

  @Test
  void aFileRemovedAndAddedBackCanBeRemovedAgainAndOlderVersionsStillRead() {
    AddFile file = aLiveFile();
    writeCommit(table, remove(file.path()));
    writeCommit(table, file);
    writeCommit(table, remove(file.path()), file);

    Table reopened = Tables.open(location);
    assertThat(read(reopened.newScan())).hasSize(6);
    assertThat(read(reopened.newScan().asOfVersion(3))).hasSize(6 - (int) file.recordCount());
  }

  @Test
  void aRemoveAfterACheckpointOfAFileItDoesNotListFailsTheScanInsteadOfResurrectingRows() {
    table.checkpoint();
    String mutated = aLiveFile().path().replace(".parquet", "x.parquet");
    writeCommit(table, remove(mutated));

    Table reopened = Tables.open(location);
    assertThatThrownBy(() -> read(reopened.newScan())).isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("_log/00000000000000000003.json").hasMessageContaining(mutated);
    assertThatThrownBy(() -> read(reopened.newScan().filter("id = 1"))).isInstanceOf(CorruptLogException.class);
    assertThatThrownBy(() -> reopened.refresh().dataFiles()).isInstanceOf(CorruptLogException.class);
    assertThatThrownBy(reopened::checkpoint).as("no checkpoint hides the bad remove below it")
        .isInstanceOf(CorruptLogException.class);
  }

  @Test
  void removesAfterACheckpointOfFilesItListsReadFineAndLaterBadOnesAreStillFound() {
    table.checkpoint();
    table.newDelete().where("id < 3").commit();
    Table reopened = Tables.open(location);
    assertThat(read(reopened.newScan())).hasSize(3);

    writeCommit(table, remove("data/00000000-0000-4000-8000-000000000000.parquet"));
    assertThatThrownBy(() -> read(reopened.newScan())).isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("00000000000000000004.json");
  }

  @Test
  void aRemoveOfACheckpointedFileRemovedTwiceAfterItIsACorruptLog() {
    table.checkpoint();
    String path = aLiveFile().path();
    writeCommit(table, remove(path));
    writeCommit(table, remove(path));

    assertThatThrownBy(() -> Tables.open(location).refresh()).isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("00000000000000000004.json").hasMessageContaining(path);
  }

  @Test
  void anAddWithAPartitionValueForNoFieldOfItsSpecIsACorruptLog() {
    AddFile file = aLiveFile();
    writeCommit(table, new AddFile("data/" + "extra.parquet", Map.of("region", "eu"), 0, file.size(),
        file.recordCount(), Map.of(), true));

    assertThatThrownBy(() -> Tables.open(location).refresh())
        .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("partition value 'region'").hasMessageContaining("not a field of partition spec 0");
  }

  @Test
  void anAddOfAPartitionedTableWithAnUnknownKeyIsACorruptLog() {
    Table partitioned = Tables.create(dir.resolve("p").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).identity("name").build(), Map.of());
    append(partitioned, rows(0, 2));
    AddFile file = ((TableContext) partitioned).latestState().dataFiles().iterator().next();
    Map<String, Object> values = new java.util.LinkedHashMap<>(file.partitionValues());
    values.put("nmae", "x");
    writeCommit(partitioned, new AddFile("data/other.parquet", values, 0, 1, 1, Map.of(), true));

    assertThatThrownBy(() -> Tables.open(partitioned.location()).refresh())
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("'nmae'").hasMessageContaining("[name]");
  }

  @Test
  void anAddNamingASpecTheMetadataDoesNotHaveIsACorruptLog() {
    writeCommit(table, new AddFile("data/other.parquet", Map.of(), 7, 1, 1, Map.of(), true));

    assertThatThrownBy(() -> Tables.open(location).refresh()).isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("partition spec 7");
  }

  @Test
  void operationsThatRemoveFilesLeaveALogThatReplaysFromZeroAndFromACheckpoint() {
    table.newDelete().where("id = 1").commit();
    table.checkpoint();
    table.newDelete().where("id = 4").commit();
    table.compact().targetFileSizeBytes(1 << 20).commit();
    table.restore().toVersion(2).commit();
    List<Long> ids = new ArrayList<>();
    read(Tables.open(location).newScan()).forEach(r -> ids.add((Long) r.get("id")));
    assertThat(ids).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
    for (long v = 0; v <= table.refresh().version(); v++) {
      assertThat(read(Tables.open(location).newScan().asOfVersion(v))).isNotNull();
    }
  }
}

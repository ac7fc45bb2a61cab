package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.dataFilesOnDisk;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.CompactionResult;
import io.tidemark.core.DeleteResult;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.DeletionVector;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletes in merge-on-read mode write deletion vectors, and every reader and maintenance operation honours them. */
class MergeOnReadDeleteTest {
  private static final Map<String, String> MOR = Map.of(TableProperties.DELETE_MODE,
      TableProperties.DELETE_MODE_MERGE_ON_READ);
  private static final Schema FLAGGED = SchemaDdl.parse("id long not null, gone boolean not null");

  @TempDir
  Path dir;

  private Table morTable() {
    return Tables.create(dir.resolve("t").toString(), SCHEMA, MOR);
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  private static List<Long> without(List<Long> ids, Long... gone) {
    List<Long> out = new ArrayList<>(ids);
    out.removeAll(List.of(gone));
    return out;
  }

  private static Commit commit(Table table, long version) {
    return ((TableContext) table).log().read(version);
  }

  private static AddFile onlyFile(Table table) {
    List<AddFile> files = new ArrayList<>(((TableContext) table).latestState().dataFiles());
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  /** A table of one file with ids 0..n-1 where every third row is flagged gone. */
  private Table flaggedTable(int n) {
    Table table = Tables.create(dir.resolve("f").toString(), FLAGGED, MOR);
    try (var w = table.newAppend()) {
      for (long i = 0; i < n; i++) {
        w.write(Record.of(FLAGGED, i, i % 3 == 0));
      }
      w.commit();
    }
    return table;
  }

  @Test
  void missingFilesNamesADeletionVectorFileThatIsGoneAfterItsDataFile() throws Exception {
    Table table = flaggedTable(3000);
    table.newDelete().where("gone = true").commit();
    AddFile file = onlyFile(table);
    assertThat(table.newScan().missingFiles()).isEmpty();
    Files.delete(dir.resolve("f").resolve(file.deletionVector().path()));
    assertThat(table.newScan().missingFiles()).containsExactly(file.deletionVector().path());
    assertThat(table.newScan().asOfVersion(1).missingFiles()).isEmpty(); // before the vector
    Files.delete(dir.resolve("f").resolve(file.path()));
    assertThat(table.newScan().missingFiles()).containsExactly(file.path(), file.deletionVector().path());
  }

  @Test
  void aDeleteKeepsThePartlyMatchingFileAndRecordsItsDeletedPositions() {
    Table table = morTable();
    append(table, rows(0, 100));
    Set<String> before = dataFilesOnDisk(table);
    DeleteResult result = table.newDelete().where("id < 5 or id = 50").commit();
    assertThat(dataFilesOnDisk(table)).isEqualTo(before);
    assertThat(result.numDeletedRows()).isEqualTo(6);
    assertThat(result.numCopiedRows()).isZero();
    Commit c = commit(table, result.version());
    assertThat(c.removes()).hasSize(1);
    assertThat(c.adds()).singleElement().satisfies(add -> {
      assertThat(add.path()).isEqualTo(c.removes().get(0).path());
      assertThat(add.dataChange()).isTrue();
      assertThat(add.recordCount()).isEqualTo(100);
      assertThat(add.deletionVector().cardinality()).isEqualTo(6);
      assertThat(add.deletionVector().isInline()).isTrue();
    });
    assertThat(c.info().operationMetrics()).containsEntry("numDeletionVectors", 1L);
    assertThat(ids(table)).isEqualTo(without(range(5, 100), 50L));
    assertThat(table.refresh().recordCount()).isEqualTo(94);
    assertThat(table.currentSnapshot().dataFiles()).singleElement().satisfies(f -> {
      assertThat(f.recordCount()).isEqualTo(100);
      assertThat(f.deletedRecordCount()).isEqualTo(6);
      assertThat(f.liveRecordCount()).isEqualTo(94);
    });
    assertThat(table.snapshot(result.version() - 1).dataFiles()).singleElement()
        .satisfies(f -> assertThat(f.deletedRecordCount()).isZero());

    assertThat(ids(table.newScan().filter("id >= 40 and id < 60"))).isEqualTo(without(range(40, 60), 50L));
  }

  @Test
  void aLaterDeleteAddsToTheVectorAndTheDeleteOfTheLastRowsRemovesTheFile() {
    Table table = morTable();
    append(table, rows(0, 10));
    table.newDelete().where("id = 3").commit();
    DeleteResult second = table.newDelete().where("id = 3 or id = 7").commit();
    assertThat(second.numDeletedRows()).isEqualTo(1); // row 3 is gone already
    assertThat(onlyFile(table).deletionVector().cardinality()).isEqualTo(2);
    assertThat(ids(table)).isEqualTo(List.of(0L, 1L, 2L, 4L, 5L, 6L, 8L, 9L));
    assertThat(table.newDelete().where("id = 3").commit().committed()).isFalse();
    DeleteResult last = table.newDelete().where("id <> 3 and id <> 7 and id >= 0 and name <> 'x'").commit();
    assertThat(last.numDeletedRows()).isEqualTo(8);
    assertThat(commit(table, last.version()).adds()).isEmpty();
    assertThat(ids(table)).isEmpty();
    assertThat(table.refresh().recordCount()).isZero();
  }

  @Test
  void filesWhoseRowsAllMatchAreStillRemovedUnread() {
    Table table = morTable();
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    DeleteResult r = table.newDelete().where("id < 15").commit();
    assertThat(r.numRemovedFilesUnread()).isEqualTo(1);
    assertThat(r.numDeletedRows()).isEqualTo(15);
    assertThat(ids(table)).isEqualTo(range(15, 20));
  }

  @Test
  void largeVectorsGoToAFileBesideTheDataAndReadBack() throws Exception {
    Table table = flaggedTable(3000);
    table.newDelete().where("gone = true").commit();
    DeletionVector dv = onlyFile(table).deletionVector();
    assertThat(dv.isInline()).isFalse();
    assertThat(dv.path()).startsWith("data/").endsWith(".dv");
    assertThat(dv.cardinality()).isEqualTo(1000);
    assertThat(Files.size(dir.resolve("f").resolve(dv.path()))).isEqualTo(dv.size());
    Table reopened = Tables.open(dir.resolve("f").toString());
    assertThat(ids(reopened)).hasSize(2000).allSatisfy(id -> assertThat(id % 3).isNotZero());
    assertThat(reopened.refresh().recordCount()).isEqualTo(2000);
  }

  @Test
  void aDamagedVectorFileFailsTheReadNamingItRatherThanReturningDeletedRows() throws Exception {
    Table table = flaggedTable(3000);
    table.newDelete().where("gone = true").commit();
    Path dv = dir.resolve("f").resolve(onlyFile(table).deletionVector().path());
    byte[] bytes = Files.readAllBytes(dv);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(dv, bytes);
    assertThatThrownBy(() -> ids(table)).isInstanceOf(StorageException.class)
        .hasMessageContaining(onlyFile(table).deletionVector().path()).hasMessageContaining("checksum");
  }

  @Test
  void timeTravelReadsEachVersionWithItsOwnVector() {
    Table table = morTable();
    append(table, rows(0, 10));
    long v2 = table.newDelete().where("id = 1").commit().version();
    long v3 = table.newDelete().where("id = 2").commit().version();
    assertThat(ids(table.newScan().asOfVersion(1))).isEqualTo(range(0, 10));
    assertThat(ids(table.newScan().asOfVersion(v2))).isEqualTo(without(range(0, 10), 1L));
    assertThat(ids(table.newScan().asOfVersion(v3))).isEqualTo(without(range(0, 10), 1L, 2L));
  }

  @Test
  void checkpointsCarryTheVectorsAndAFreshReaderUsesThem() {
    Table table = flaggedTable(3000);
    table.newDelete().where("gone = true").commit();
    Table small = morTable();
    append(small, rows(0, 10));
    small.newDelete().where("id = 4").commit();
    table.checkpoint();
    small.checkpoint();
    assertThat(ids(Tables.open(dir.resolve("f").toString()))).hasSize(2000);
    assertThat(ids(Tables.open(dir.resolve("t").toString()))).isEqualTo(without(range(0, 10), 4L));
    assertThat(((TableContext) Tables.open(dir.resolve("t").toString())).latestState().dataFiles())
        .singleElement().satisfies(f -> assertThat(f.deletionVector()).isNotNull());
  }

  @Test
  void copyOnWriteRewritesKeepRowsAVectorDeleted() {
    Table table = morTable();
    append(table, rows(0, 10));
    table.newDelete().where("id = 1").commit();
    table.updateProperties().set(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_COPY_ON_WRITE).commit();
    DeleteResult r = table.newDelete().where("id = 2").commit();
    assertThat(r.numCopiedRows()).isEqualTo(8);
    assertThat(onlyFile(table).deletionVector()).isNull();
    assertThat(ids(table)).isEqualTo(without(range(0, 10), 1L, 2L));
  }

  @Test
  void restoreBringsBackTheVectorOfTheVersionRestored() {
    Table table = morTable();
    append(table, rows(0, 10));
    long v2 = table.newDelete().where("id = 1").commit().version();
    table.newDelete().where("id = 2").commit();
    table.restore().toVersion(v2).commit();
    assertThat(ids(table)).isEqualTo(without(range(0, 10), 1L));
    assertThat(onlyFile(table).deletionVector().cardinality()).isEqualTo(1);
    table.restore().toVersion(1).commit();
    assertThat(ids(table)).isEqualTo(range(0, 10));
    assertThat(onlyFile(table).deletionVector()).isNull();
  }

  @Test
  void compactionRewritesFilesWithVectorsIntoCleanFiles() {
    Table table = morTable();
    append(table, rows(0, 100));
    table.newDelete().where("id < 10").commit();
    assertThat(table.compact().deletedFractionAbove(0.5).commit().committed()).isFalse();
    CompactionResult r = table.compact().commit();
    assertThat(r.numRemovedFiles()).isEqualTo(1);
    assertThat(onlyFile(table).deletionVector()).isNull();
    assertThat(onlyFile(table).recordCount()).isEqualTo(90);
    assertThat(ids(table)).isEqualTo(range(10, 100));
  }

  @Test
  void vacuumDeletesVectorFilesNoRetainedVersionNeedsAndKeepsTheOthers() {
    Table table = flaggedTable(3000);
    table.newDelete().where("gone = true").commit();
    String first = onlyFile(table).deletionVector().path();
    table.newDelete().where("id < 1500").commit();
    String second = onlyFile(table).deletionVector().path();
    assertThat(second).isNotEqualTo(first);
    OpsFixtures.vacuumFromTheFuture(table, Duration.ofDays(30)).retain(Duration.ofDays(1)).execute();
    assertThat(Files.exists(dir.resolve("f").resolve(first))).isFalse();
    assertThat(Files.exists(dir.resolve("f").resolve(second))).isTrue();
    assertThat(ids(table)).hasSize(1000);
  }

  @Test
  void mergeOnReadAddsTheDeletionVectorFeatureToTheProtocolAndCopyOnWriteTablesKeepNone() {
    Table plain = Tables.create(dir.resolve("plain").toString(), SCHEMA, Map.of());
    assertThat(((TableContext) plain).latestState().protocol()).isEqualTo(Protocol.current());
    assertThat(((TableContext) morTable()).latestState().protocol().supports(Protocol.DELETION_VECTORS)).isTrue();
    long v = plain.updateProperties().set(TableProperties.DELETE_MODE, "merge-on-read").commit().version();
    Commit c = commit(plain, v);
    assertThat(c.protocol().readerFeatures()).containsExactly(Protocol.DELETION_VECTORS);
    assertThat(c.protocol().writerFeatures()).containsExactly(Protocol.DELETION_VECTORS);
    assertThat(c.metadata()).isNotNull();
  }

  @Test
  void anUnknownDeleteModeIsRefused() {
    assertThatThrownBy(() -> Tables.create(dir.resolve("x").toString(), SCHEMA,
        Map.of(TableProperties.DELETE_MODE, "merge-on-write")))
        .hasMessageContaining("copy-on-write or merge-on-read");
  }

  @Test
  void aMergeOnReadDeleteOnATableWithoutTheFeatureIsRefused() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    TableContext context = (TableContext) table;
    assertThatThrownBy(() -> new RowRemoval(context, context.latestState(),
        io.tidemark.core.expr.Expressions.equal("id", 1L), io.tidemark.core.internal.deletes.DeleteMode.MERGE_ON_READ))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("deletionVectors");
  }

  @Test
  void vectorFilesOfADeleteThatNeverCommittedLeaveTheTableAsItWas() {
    Table table = flaggedTable(3000);
    TableContext context = (TableContext) table;
    RowRemoval removal = new RowRemoval(context, context.latestState(),
        io.tidemark.core.expr.Expressions.equal("gone", true),
        io.tidemark.core.internal.deletes.DeleteMode.MERGE_ON_READ).run();
    assertThat(dataFilesOnDisk(table)).anySatisfy(p -> assertThat(p).endsWith(".dv"));
    assertThat(ids(Tables.open(dir.resolve("f").toString()))).hasSize(3000);
    removal.abort();
    assertThat(dataFilesOnDisk(table)).noneSatisfy(p -> assertThat(p).endsWith(".dv"));
  }
}

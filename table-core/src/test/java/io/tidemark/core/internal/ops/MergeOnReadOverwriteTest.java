package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.row;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.dataFilesOnDisk;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tidemark.core.Change;
import io.tidemark.core.ChangeType;
import io.tidemark.core.CommitResult;
import io.tidemark.core.Overwrite;
import io.tidemark.core.OverwriteResult;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Protocol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overwrites by filter and the deletes and overwrites of transactions honour merge-on-read. */
class MergeOnReadOverwriteTest {
  private static final Map<String, String> MOR = Map.of(TableProperties.DELETE_MODE,
      TableProperties.DELETE_MODE_MERGE_ON_READ);

  @TempDir
  Path dir;

  private static Commit commit(Table table, long version) {
    return ((TableContext) table).log().read(version);
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  private static Record renamed(long id) {
    return Record.of(SCHEMA, id, "new" + id, null, null);
  }

  private static void assertVectorOnTheOldFile(Commit c, String oldPath, long deleted) {
    assertThat(c.removes()).extracting(r -> r.path()).containsExactly(oldPath);
    AddFile again = c.adds().stream().filter(a -> a.path().equals(oldPath)).findFirst().orElseThrow();
    assertThat(again.deletionVector().cardinality()).isEqualTo(deleted);
  }

  @Test
  void anOverwriteByFilterMarksTheReplacedRowsInADeletionVectorAndTheFeedGivesExactlyItsChanges() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, MOR);
    long v1 = append(table, rows(0, 100)).version();
    String oldPath = table.currentSnapshot().dataFiles().iterator().next().path();
    Set<String> before = dataFilesOnDisk(table);
    OverwriteResult result;
    try (Overwrite o = table.newOverwrite().where("id >= 10 and id < 13")) {
      o.write(renamed(10));
      o.write(renamed(11));
      o.write(row(12)); // the same row again: no change
      result = o.commit();
    }
    assertThat(result.numCopiedRows()).isZero();
    assertThat(result.numDeletedRows()).isEqualTo(3);
    assertThat(dataFilesOnDisk(table)).containsAll(before);
    Commit c = commit(table, result.version());
    assertVectorOnTheOldFile(c, oldPath, 3);
    assertThat(c.info().operationMetrics()).containsEntry("numDeletionVectors", 1L);
    assertThat(ids(table)).isEqualTo(range(0, 100));
    assertThat(table.newScan().filter("id = 10").select("name").records().iterator().next().get("name"))
        .isEqualTo("new10");
    assertThat(table.changes(result.version(), result.version())).extracting(Change::type, Change::row)
        .containsExactlyInAnyOrder(tuple(ChangeType.DELETE, row(10)), tuple(ChangeType.DELETE, row(11)),
            tuple(ChangeType.INSERT, renamed(10)), tuple(ChangeType.INSERT, renamed(11)));
    assertThat(table.changes(v1, v1)).hasSize(100);
  }

  @Test
  void aTransactionsDeletesAndOverwritesWriteDeletionVectorsAndStackThemOnOneFile() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, MOR);
    append(table, rows(0, 100));
    String oldPath = table.currentSnapshot().dataFiles().iterator().next().path();
    CommitResult result = table.newTransaction()
        .delete("id < 5")
        .delete("id = 50")
        .overwrite("id = 60", List.of(renamed(60)))
        .append(rows(100, 102))
        .commit();
    Commit c = commit(table, result.version());
    assertVectorOnTheOldFile(c, oldPath, 7);
    assertThat(c.adds()).hasSize(3); // the old file again, the overwrite's file and the append's
    List<Long> expected = new ArrayList<>(range(5, 102));
    expected.remove(Long.valueOf(50));
    assertThat(ids(table)).isEqualTo(expected);
    assertThat(table.changes(result.version(), result.version())).extracting(Change::type, Change::row)
        .containsExactlyInAnyOrder(tuple(ChangeType.DELETE, row(0)), tuple(ChangeType.DELETE, row(1)),
            tuple(ChangeType.DELETE, row(2)), tuple(ChangeType.DELETE, row(3)), tuple(ChangeType.DELETE, row(4)),
            tuple(ChangeType.DELETE, row(50)), tuple(ChangeType.DELETE, row(60)),
            tuple(ChangeType.INSERT, renamed(60)), tuple(ChangeType.INSERT, row(100)),
            tuple(ChangeType.INSERT, row(101)));
  }

  @Test
  void aTransactionDeletingRowsItAppendedAddsTheNewFileWithItsVectorAndTheFeedNeverSeesThoseRows() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, MOR);
    append(table, rows(0, 10));
    CommitResult result = table.newTransaction().append(rows(10, 20)).delete("id >= 15").commit();
    Commit c = commit(table, result.version());
    assertThat(c.removes()).isEmpty();
    assertThat(c.adds()).singleElement().satisfies(a -> assertThat(a.deletionVector().cardinality()).isEqualTo(5));
    assertThat(ids(table)).isEqualTo(range(0, 15));
    assertThat(table.changes(result.version(), result.version())).extracting(Change::type, Change::row)
        .containsExactlyElementsOf(rows(10, 15).stream().map(r -> tuple(ChangeType.INSERT, r)).toList());
  }

  @Test
  void aTransactionThatTurnsMergeOnReadOnAddsTheFeatureAndItsLaterDeletesWriteVectors() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(table, rows(0, 100));
    String oldPath = table.currentSnapshot().dataFiles().iterator().next().path();
    CommitResult result = table.newTransaction()
        .updateProperties(p -> p.set(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ))
        .delete("id = 7")
        .commit();
    Commit c = commit(table, result.version());
    assertThat(c.protocol()).isNotNull();
    assertThat(c.protocol().supports(Protocol.DELETION_VECTORS)).isTrue();
    assertVectorOnTheOldFile(c, oldPath, 1);
    assertThat(table.refresh().protocol().readerFeatures()).contains(Protocol.DELETION_VECTORS);
    assertThat(ids(table)).hasSize(99).doesNotContain(7L);
    assertThat(table.changes(result.version(), result.version())).extracting(Change::type, Change::row)
        .containsExactly(tuple(ChangeType.DELETE, row(7)));
  }

  @Test
  void copyOnWriteTablesStillRewriteInOverwritesAndTransactions() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(table, rows(0, 100));
    CommitResult result = table.newTransaction().delete("id = 3").commit();
    assertThat(commit(table, result.version()).adds()).singleElement()
        .satisfies(a -> assertThat(a.deletionVector()).isNull());
    OverwriteResult o;
    try (Overwrite w = table.newOverwrite().where("id = 4")) {
      w.write(renamed(4));
      o = w.commit();
    }
    assertThat(o.numCopiedRows()).isEqualTo(98);
    assertThat(commit(table, o.version()).adds()).allSatisfy(a -> assertThat(a.deletionVector()).isNull());
  }
}

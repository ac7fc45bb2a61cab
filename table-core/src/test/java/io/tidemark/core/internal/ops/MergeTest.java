package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.MergeResult;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.io.CountingFileIO;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upserts by key: updates, inserts, deletes by a source flag, in both delete modes. */
class MergeTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, v string, deleted boolean");

  @TempDir
  Path dir;

  private Table table(String mode) {
    return Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of(TableProperties.DELETE_MODE, mode));
  }

  private static Record r(long id, String v) {
    return Record.of(SCHEMA, id, v, false);
  }

  private static Map<Long, String> contents(Table table) {
    Map<Long, String> out = new TreeMap<>();
    for (Record rec : TestTables.read(table.newScan())) {
      assertThat(out.put((Long) rec.get("id"), (String) rec.get("v"))).as("id %s twice", rec.get("id")).isNull();
    }
    return out;
  }

  private static void load(Table table, long from, long to) {
    List<Record> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(r(i, "old-" + i));
    }
    append(table, rows);
  }

  @ParameterizedTest
  @ValueSource(strings = {"merge-on-read", "copy-on-write"})
  void matchedKeysAreUpdatedOthersInsertedAndFlaggedOnesDeleted(String mode) {
    Table table = table(mode);
    load(table, 0, 100);
    load(table, 100, 200);
    List<Record> source = List.of(r(5, "new-5"), r(150, "new-150"), r(1000, "new-1000"),
        Record.of(SCHEMA, 7L, null, true), Record.of(SCHEMA, 2000L, null, true));
    MergeResult result = table.newMerge().on("id").source(source).whenMatchedUpdateAll().whenNotMatchedInsertAll()
        .whenMatchedDeleteIf(s -> Boolean.TRUE.equals(s.get("deleted"))).commit();
    assertThat(result.numUpdatedRows()).isEqualTo(2);
    assertThat(result.numDeletedRows()).isEqualTo(1);
    assertThat(result.numInsertedRows()).isEqualTo(1);
    Map<Long, String> expected = new TreeMap<>();
    for (long i = 0; i < 200; i++) {
      expected.put(i, "old-" + i);
    }
    expected.put(5L, "new-5");
    expected.put(150L, "new-150");
    expected.put(1000L, "new-1000");
    expected.remove(7L);
    assertThat(contents(table)).isEqualTo(expected);
    assertThat(table.refresh().recordCount()).isEqualTo(expected.size());
    assertThat(((TableContext) table).log().read(result.version()).info().operation()).isEqualTo("MERGE");
  }

  @Test
  void onlyFilesThatMayHoldASourceKeyAreRead() {
    CountingFileIO io = new CountingFileIO();
    Table table = Tables.create(io, dir.resolve("t").toString(), SCHEMA,
        Map.of(TableProperties.DELETE_MODE, "merge-on-read"));
    for (int f = 0; f < 5; f++) {
      load(table, f * 100L, f * 100L + 100);
    }
    MergeResult result = table.newMerge().on("id").source(List.of(r(250, "x"), r(251, "y"))).whenMatchedUpdateAll()
        .commit();
    assertThat(result.numFilesRead()).isEqualTo(1);
    assertThat(contents(table)).containsEntry(250L, "x").containsEntry(251L, "y").hasSize(500);
  }

  @Test
  void aSourceWithTwoRecordsForOneKeyIsRefusedAndNothingCommits() {
    Table table = table("merge-on-read");
    load(table, 0, 10);
    long before = table.refresh().version();
    assertThatThrownBy(() -> table.newMerge().on("id").source(List.of(r(1, "a"), r(2, "b"), r(1, "c")))
        .whenMatchedUpdateAll().commit()).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("two records for key id = 1");
    assertThat(table.refresh().version()).isEqualTo(before);
  }

  @Test
  void badKeysAndMissingClausesAreRefused() {
    Table table = table("merge-on-read");
    assertThatThrownBy(() -> table.newMerge().on("nope")).hasMessageContaining("not a column");
    assertThatThrownBy(() -> table.newMerge().on("id").source(List.of(r(1, "a"))).commit())
        .hasMessageContaining("needs a clause");
    Schema nullable = SchemaDdl.parse("k long, v string");
    Table other = Tables.create(dir.resolve("o").toString(), nullable, Map.of());
    assertThatThrownBy(() -> other.newMerge().on("k").source(List.of(Record.of(nullable, null, "x")))
        .whenNotMatchedInsertAll().commit()).hasMessageContaining("is null");
  }

  @Test
  void aMergeThatChangesNothingCommitsNothing() {
    Table table = table("merge-on-read");
    load(table, 0, 10);
    MergeResult result = table.newMerge().on("id").source(List.of(r(50, "x"))).whenMatchedUpdateAll().commit();
    assertThat(result.committed()).isFalse();
  }

  @Test
  void concurrentUpsertsOfTheSameKeyConflictAndOfKeysInOtherFilesBothCommit() {
    Table table = table("merge-on-read");
    load(table, 0, 100);
    load(table, 100, 200);
    var first = table.newMerge().on("id").source(List.of(r(5, "a"))).whenMatchedUpdateAll();
    var same = table.newMerge().on("id").source(List.of(r(5, "b"))).whenMatchedUpdateAll();
    var other = table.newMerge().on("id").source(List.of(r(150, "c"))).whenMatchedUpdateAll();
    first.commit();
    assertThatThrownBy(same::commit).isInstanceOf(CommitConflictException.class);
    assertThat(other.commit().committed()).isTrue();
    assertThat(contents(table)).containsEntry(5L, "a").containsEntry(150L, "c").hasSize(200);
  }

  @Test
  void upsertsAgainstAModelStayEqualToIt() {
    Table table = table("merge-on-read");
    Map<Long, String> model = new TreeMap<>();
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 12; round++) {
      List<Record> source = new ArrayList<>();
      for (long id : LongStream.range(0, 60).filter(i -> random.nextInt(4) == 0).toArray()) {
        boolean delete = random.nextInt(5) == 0;
        source.add(Record.of(SCHEMA, id, "r" + round + "-" + id, delete));
        if (delete) {
          model.remove(id);
        } else {
          model.put(id, "r" + round + "-" + id);
        }
      }
      table.newMerge().on("id").source(source).whenMatchedUpdateAll().whenNotMatchedInsertAll()
          .whenMatchedDeleteIf(s -> Boolean.TRUE.equals(s.get("deleted"))).commit();
      assertThat(contents(table)).as("round %d", round).isEqualTo(model);
      if (round % 4 == 3) {
        table.compact().commit();
        assertThat(contents(table)).isEqualTo(model);
      }
    }
  }
}

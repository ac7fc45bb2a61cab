package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Delete;
import io.tidemark.core.DeleteResult;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.io.CountingFileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteTest {
  @TempDir
  Path dir;

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  @Test
  void aFilterOnAColumnAddedAfterSomeFilesWereWrittenDeletesByReadingThem() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    table.updateSchema().addColumn("note", io.tidemark.spec.types.Types.STRING).commit();
    // the old file has no statistics for note: whether all its rows match is unknown, not an error
    table.newDelete().where("note is null").commit();
    assertThat(ids(table)).isEmpty();
  }

  @Test
  void filesWhoseStatisticsProveEveryRowMatchesAreRemovedWithoutBeingRead() {
    CountingFileIO io = new CountingFileIO();
    Table table = Tables.create(io, dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    append(table, rows(20, 30));
    Delete delete = table.newDelete().where("id < 20");
    io.reset();
    DeleteResult r = delete.commit();
    assertThat(io.reads("data")).isZero();
    assertThat(r.version()).isEqualTo(4);
    assertThat(r.numDeletedRows()).isEqualTo(20);
    assertThat(r.numRemovedFiles()).isEqualTo(2);
    assertThat(r.numRemovedFilesUnread()).isEqualTo(2);
    assertThat(r.numAddedFiles()).isZero();
    assertThat(ids(table)).isEqualTo(range(20, 30));
    List<RemoveFile> removes = ((TableContext) table).log().read(4).removes();
    assertThat(removes).hasSize(2).allSatisfy(rm -> {
      assertThat(rm.dataChange()).isTrue();
      assertThat(rm.recordCount()).isEqualTo(10L);
      assertThat(rm.size()).isPositive();
    });
  }

  @Test
  void identityPartitionValuesProveWhatTruncatedStatisticsCannot() {
    Schema schema = SchemaDdl.parse("id long not null, category string");
    CountingFileIO io = new CountingFileIO();
    Table table = Tables.create(io, dir.resolve("t").toString(), schema,
        PartitionSpec.builderFor(schema).identity("category").build(), Map.of());
    String longName = "a-category-name-longer-than-sixteen-characters";
    try (var w = table.newAppend()) {
      for (long i = 0; i < 6; i++) {
        w.write(Record.of(schema, i, i % 2 == 0 ? longName : "other"));
      }
      w.commit();
    }
    io.reset();
    DeleteResult r = table.newDelete().where(Expressions.equal("category", longName)).commit();
    assertThat(io.reads("data")).isZero();
    assertThat(r.numRemovedFilesUnread()).isEqualTo(1);
    assertThat(r.numDeletedRows()).isEqualTo(3);
    assertThat(ids(table)).containsExactly(1L, 3L, 5L);
  }

  @Test
  void otherCandidateFilesAreRewrittenWithoutTheMatchingRows() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    String rewritten = table.snapshot(1).dataFiles().iterator().next().path();
    DeleteResult r = table.newDelete().where("id in (3, 5)").commit();
    assertThat(r.numDeletedRows()).isEqualTo(2);
    assertThat(r.numRemovedFiles()).isEqualTo(1);
    assertThat(r.numRemovedFilesUnread()).isZero();
    assertThat(r.numAddedFiles()).isEqualTo(1);
    assertThat(r.numCopiedRows()).isEqualTo(8);
    assertThat(ids(table)).doesNotContain(3L, 5L).hasSize(18);
    var commit = ((TableContext) table).log().read(3);
    assertThat(commit.removes()).extracting(RemoveFile::path).containsExactly(rewritten);
    assertThat(commit.adds()).singleElement().satisfies(a -> {
      assertThat(a.dataChange()).isTrue();
      assertThat(a.recordCount()).isEqualTo(8);
    });
    HistoryEntry entry = table.history().get(3);
    assertThat(entry.operation()).isEqualTo("DELETE");
    assertThat(entry.parameters()).containsEntry("predicate", "id in (3, 5)");
    assertThat(entry.metrics()).containsEntry("numDeletedRows", 2L).containsEntry("numRemovedFiles", 1L)
        .containsEntry("numAddedFiles", 1L);
    assertThat(entry.isolationLevel()).isEqualTo("Serializable");
  }

  @Test
  void rewrittenFilesStayInTheirPartition() {
    Schema schema = SchemaDdl.parse("id long not null, ts timestamp");
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), schema,
        PartitionSpec.builderFor(schema).day("ts").build(), Map.of());
    try (var w = table.newAppend()) {
      for (long i = 0; i < 8; i++) {
        w.write(Record.of(schema, i, Instant.parse("2024-01-0" + (1 + i % 2) + "T10:00:00Z").plusSeconds(i)));
      }
      w.commit();
    }
    DeleteResult r = table.newDelete().where("id = 2").commit();
    assertThat(r.numAddedFiles()).isEqualTo(1);
    AddFile added = ((TableContext) table).log().read(r.version()).adds().get(0);
    assertThat(added.path()).startsWith("data/ts_day=2024-01-01/");
    assertThat(added.partitionValues()).containsEntry("ts_day", "2024-01-01");
    assertThat(ids(table)).containsExactly(0L, 1L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void rowsWhoseFilterIsUnknownAreKept() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    try (var w = table.newAppend()) {
      w.write(Record.of(SCHEMA, 1L, "a", null, 5.0));
      w.write(Record.of(SCHEMA, 2L, "b", null, null));
      w.write(Record.of(SCHEMA, 3L, "c", null, 0.5));
      w.commit();
    }
    assertThat(table.newDelete().where("amount > 1").commit().numDeletedRows()).isEqualTo(1);
    assertThat(ids(table)).containsExactly(2L, 3L);
    // not (amount > 1) is unknown for the null too: it stays
    assertThat(table.newDelete().where("not amount > 1").commit().numDeletedRows()).isEqualTo(1);
    assertThat(ids(table)).containsExactly(2L);
  }

  @Test
  void aDeleteThatMatchesNothingCommitsNothing() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    DeleteResult r = table.newDelete().where("id = 4 and name = 'nobody'").commit();
    assertThat(r.committed()).isFalse();
    assertThat(table.refresh().version()).isEqualTo(1);
    assertThat(OpsFixtures.dataFilesOnDisk(table)).hasSize(1);
  }

  @Test
  void alwaysTrueDeletesEverythingWithoutReading() {
    CountingFileIO io = new CountingFileIO();
    Table table = Tables.create(io, dir.resolve("t").toString(), SCHEMA, Map.of());
    append(table, rows(0, 10));
    append(table, rows(10, 12));
    io.reset();
    assertThat(table.newDelete().where(Expressions.alwaysTrue()).commit().numRemovedFilesUnread()).isEqualTo(2);
    assertThat(io.reads("data")).isZero();
    assertThat(ids(table)).isEmpty();
  }

  @Test
  void aDeleteNeedsAFilterThatBinds() {
    Table table = Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
    assertThatThrownBy(() -> table.newDelete().commit()).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> table.newDelete().where("nope = 1").commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("nope");
  }
}

package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.DuplicateTransactionException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several changes as one commit: all or nothing for readers, one conflict check, retried as a whole. */
class TransactionTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, rev long");

  @TempDir
  Path dir;

  private Table tableOf(long rows) {
    return tableOf(dir.resolve("t"), rows);
  }

  /** A table of rows (id, 0) for ids below {@code rows}, in one commit, that retries commits often. */
  static Table tableOf(Path location, long rows) {
    Table table = Tables.create(location.toString(), SCHEMA, Map.of("commit.retry.max-attempts", "100"));
    List<Record> initial = new ArrayList<>();
    for (long id = 0; id < rows; id++) {
      initial.add(Record.of(SCHEMA, id, 0L));
    }
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(initial);
      w.commit();
    }
    return table;
  }

  /** id to its revisions, as a reader of the version sees them. */
  static Map<Long, List<Long>> revisions(Scan scan) {
    Map<Long, List<Long>> out = new HashMap<>();
    for (Record r : TestTables.read(scan)) {
      out.computeIfAbsent((Long) r.get("id"), k -> new ArrayList<>()).add((Long) r.get("rev"));
    }
    return out;
  }

  static long dataFilesOnDisk(Path table) throws Exception {
    try (Stream<Path> files = Files.walk(table.resolve("data"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void anUpsertIsOneVersionWithTheOldRowsGoneAndTheNewOnesIn() {
    Table table = tableOf(100);
    CommitResult result = table.newTransaction().delete("id in (3, 7)")
        .append(List.of(Record.of(SCHEMA, 3L, 1L), Record.of(SCHEMA, 7L, 1L)))
        .applicationTransaction("cdc", 1).commit();
    assertThat(result.version()).isEqualTo(2);
    Map<Long, List<Long>> rows = revisions(table.newScan());
    assertThat(rows).hasSize(100);
    assertThat(rows.get(3L)).containsExactly(1L);
    assertThat(rows.get(7L)).containsExactly(1L);
    assertThat(rows.get(4L)).containsExactly(0L);
    assertThat(revisions(table.newScan().asOfVersion(1)).get(3L)).containsExactly(0L);
    HistoryEntry last = table.history().get(table.history().size() - 1);
    assertThat(last.operation()).isEqualTo("TRANSACTION");
    assertThatThrownBy(() -> table.newTransaction().append(List.of(Record.of(SCHEMA, 500L, 0L)))
        .applicationTransaction("cdc", 1).commit()).isInstanceOf(DuplicateTransactionException.class);
  }

  @Test
  void readersSeeEveryUpsertWholeWhileAppendersRace() throws Exception {
    Table table = tableOf(20);
    int upserts = 25;
    int appends = 25;
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> upserter = pool.submit(() -> {
        Table mine = Tables.open(table.location());
        for (long rev = 1; rev <= upserts; rev++) {
          long id = rev % 20;
          mine.newTransaction().delete("id = " + id).append(List.of(Record.of(SCHEMA, id, rev))).commit();
        }
        return null;
      });
      Future<?> appender = pool.submit(() -> {
        Table mine = Tables.open(table.location());
        for (long i = 0; i < appends; i++) {
          try (AppendWriter w = mine.newAppend()) {
            w.write(Record.of(SCHEMA, 1_000_000 + i, 0L));
            w.commit();
          }
        }
        return null;
      });
      Future<Integer> reader = pool.submit(() -> {
        Table mine = Tables.open(table.location());
        int checked = 0;
        while (running.get()) {
          Map<Long, List<Long>> rows = revisions(mine.newScan().asOfVersion(mine.refresh().version()));
          for (long id = 0; id < 20; id++) {
            assertThat(rows.get(id)).as("id %d at a version", id).hasSize(1);
          }
          checked++;
        }
        return checked;
      });
      upserter.get(3, TimeUnit.MINUTES);
      appender.get(3, TimeUnit.MINUTES);
      running.set(false);
      assertThat(reader.get(1, TimeUnit.MINUTES)).isPositive();
    } finally {
      pool.shutdownNow();
    }
    assertThat(table.refresh().version()).isEqualTo(1 + upserts + appends);
    Map<Long, List<Long>> rows = revisions(table.newScan());
    assertThat(rows).hasSize(20 + appends);
    for (long id = 0; id < 20; id++) {
      long lastRev = 0;
      for (long rev = 1; rev <= upserts; rev++) {
        if (rev % 20 == id) {
          lastRev = rev;
        }
      }
      assertThat(rows.get(id)).as("id %d", id).containsExactly(lastRev);
    }
  }

  @Test
  void aConcurrentAppendOfAMatchingRowFailsTheWholeTransactionAndItsFilesGo() throws Exception {
    Table table = tableOf(10);
    long filesBefore = dataFilesOnDisk(dir.resolve("t"));
    Transaction upsert = table.newTransaction().delete("id = 5").append(List.of(Record.of(SCHEMA, 5L, 9L)));
    try (AppendWriter w = Tables.open(table.location()).newAppend()) {
      w.write(Record.of(SCHEMA, 5L, 1L)); // may match the delete's predicate
      w.commit();
    }
    assertThatThrownBy(upsert::commit).isInstanceOf(CommitConflictException.class)
        .hasMessageContaining("id = 5");
    assertThat(table.refresh().version()).isEqualTo(2);
    assertThat(revisions(table.newScan()).get(5L)).containsExactlyInAnyOrder(0L, 1L);
    assertThat(dataFilesOnDisk(dir.resolve("t"))).isEqualTo(filesBefore + 1);
  }

  @Test
  void aSchemaChangeAndAnAppendOfTheNewSchemaAreOneVersion() {
    Table table = tableOf(3);
    Schema widened = SchemaDdl.parse("id long not null, rev long, note string");
    Transaction t = table.newTransaction().updateSchema(u -> u.addColumn("note", Types.STRING));
    t.append(List.of(Record.of(widened, 10L, 0L, "new"))).commit();
    assertThat(table.refresh().version()).isEqualTo(2);
    assertThat(table.schema().columns()).hasSize(3);
    assertThat(TestTables.read(table.newScan())).extracting(r -> r.get("note")).containsExactlyInAnyOrder(null, null,
        null, "new");
    assertThat(table.snapshot(1).schema().columns()).hasSize(2);
  }

  @Test
  void rowsAppendedAndDeletedInOneTransactionNeverReachTheLog() {
    Table table = tableOf(5);
    table.newTransaction().append(List.of(Record.of(SCHEMA, 50L, 0L))).delete("id >= 50")
        .append(List.of(Record.of(SCHEMA, 60L, 0L))).commit();
    Table reopened = Tables.open(table.location()); // replays the log: a remove of a file never added would be corrupt
    assertThat(revisions(reopened.newScan()).keySet()).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 60L);
    assertThatThrownBy(() -> table.newTransaction().delete("id > 1000").commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("changes nothing");
  }
}

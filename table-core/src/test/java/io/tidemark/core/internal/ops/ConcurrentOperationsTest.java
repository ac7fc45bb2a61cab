package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Compaction;
import io.tidemark.core.CompactionResult;
import io.tidemark.core.DataFile;
import io.tidemark.core.Delete;
import io.tidemark.core.DeleteResult;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.CommitConflictException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operations racing each other and appenders on real threads. */
class ConcurrentOperationsTest {
  @TempDir
  Path dir;

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Table table() {
    return Tables.create(new LocalFileIO(), dir.resolve("t").toString(), SCHEMA, Map.of());
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.get(2, TimeUnit.MINUTES);
  }

  @Test
  void compactionRacingAppendersLosesNoRow() throws Exception {
    Table table = table();
    for (int i = 0; i < 12; i++) {
      append(table, rows(i * 5L, i * 5L + 5));
    }
    int appenders = 3;
    int appends = 12;
    CyclicBarrier start = new CyclicBarrier(appenders + 1);
    AtomicBoolean appending = new AtomicBoolean(true);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < appenders; t++) {
      long base = 1000L * (t + 1);
      writers.add(pool.submit(() -> {
        start.await();
        for (int a = 0; a < appends; a++) {
          append(table, rows(base + a * 5L, base + a * 5L + 5));
        }
        return null;
      }));
    }
    Future<List<CompactionResult>> compactions = pool.submit(() -> {
      start.await();
      List<CompactionResult> results = new ArrayList<>();
      do {
        results.add(table.compact().targetFileSizeBytes(8L << 20).commit());
      } while (appending.get() || results.size() < 2);
      return results;
    });
    for (Future<?> w : writers) {
      get(w);
    }
    appending.set(false);
    List<CompactionResult> results = get(compactions);
    assertThat(results.stream().filter(CompactionResult::committed)).isNotEmpty();
    assertThat(results.stream().mapToLong(CompactionResult::numRemovedFiles).sum()).isGreaterThanOrEqualTo(12);

    List<Long> expected = new ArrayList<>(LongStream.range(0, 60).boxed().toList());
    for (int t = 0; t < appenders; t++) {
      long base = 1000L * (t + 1);
      expected.addAll(LongStream.range(base, base + appends * 5L).boxed().toList());
    }
    assertThat(ids(Tables.open(new LocalFileIO(), table.location()))).hasSize(60 + appenders * appends * 5)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void deleteRacingDeleteOnTheSameFilesOneWinsOneConflicts() throws Exception {
    Table table = table();
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    String shared = table.snapshot(1).dataFiles().iterator().next().path();
    Delete wide = table.newDelete().where("id < 5");
    Delete narrow = Tables.open(new LocalFileIO(), table.location()).newDelete().where("id = 7");
    CyclicBarrier start = new CyclicBarrier(2);
    Future<DeleteResult> a = pool.submit(() -> {
      start.await();
      return wide.commit();
    });
    Future<DeleteResult> b = pool.submit(() -> {
      start.await();
      return narrow.commit();
    });
    List<Object> outcomes = new ArrayList<>();
    for (Future<DeleteResult> f : List.of(a, b)) {
      try {
        outcomes.add(get(f));
      } catch (ExecutionException e) {
        outcomes.add(e.getCause());
      }
    }
    assertThat(outcomes.stream().filter(DeleteResult.class::isInstance)).hasSize(1);
    CommitConflictException conflict = (CommitConflictException) outcomes.stream()
        .filter(CommitConflictException.class::isInstance).findFirst().orElseThrow();
    assertThat(conflict.conflictingVersion()).isEqualTo(3);
    assertThat(conflict.getMessage()).contains(shared).contains("version 3");
    boolean wideWon = outcomes.get(0) instanceof DeleteResult;
    List<Long> expected = new ArrayList<>(LongStream.range(0, 20).boxed().toList());
    expected.removeIf(id -> wideWon ? id < 5 : id == 7);
    assertThat(ids(table)).isEqualTo(expected);
    // the loser removed what it wrote: on disk, the two appended files and the winner's rewrite
    assertThat(OpsFixtures.dataFilesOnDisk(table)).hasSize(3);
    assertThat(table.refresh().version()).isEqualTo(3);
  }

  @Test
  void deleteRacingAnAppendIntoItsFilterConflictsWhenTheAppendWins() throws Exception {
    Table table = table();
    append(table, rows(0, 10));
    Delete delete = table.newDelete().where("id >= 5");
    Future<?> appender = pool.submit(() -> append(table, rows(100, 105)));
    get(appender);
    String appended = table.refresh().dataFiles().stream().map(DataFile::path)
        .filter(p -> !table.snapshot(1).dataFiles().stream().anyMatch(f -> f.path().equals(p))).findFirst()
        .orElseThrow();
    assertThatThrownBy(delete::commit).isInstanceOfSatisfying(CommitConflictException.class, e -> {
      assertThat(e.conflictingVersion()).isEqualTo(2);
      assertThat(e.getMessage()).contains(appended).contains("id >= 5");
    });
    assertThat(ids(table)).hasSize(15);
    assertThat(OpsFixtures.dataFilesOnDisk(table)).hasSize(2);
  }

  @Test
  void deleteAndAppendRacingAreSerializableWhicheverWins() throws Exception {
    for (int round = 0; round < 4; round++) {
      Table table = Tables.create(new LocalFileIO(), dir.resolve("r" + round).toString(), SCHEMA, Map.of());
      append(table, rows(0, 10));
      Delete delete = table.newDelete().where("id >= 5");
      CyclicBarrier start = new CyclicBarrier(2);
      Future<DeleteResult> d = pool.submit(() -> {
        start.await();
        return delete.commit();
      });
      Future<Long> a = pool.submit(() -> {
        start.await();
        return append(table, rows(100, 105)).version();
      });
      long appendVersion = get(a);
      List<Long> got = ids(Tables.open(new LocalFileIO(), table.location()));
      try {
        DeleteResult r = get(d);
        // the delete committed first: it could not see the appended rows, and they stay
        assertThat(r.version()).isLessThan(appendVersion);
        assertThat(got).containsExactly(0L, 1L, 2L, 3L, 4L, 100L, 101L, 102L, 103L, 104L);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(CommitConflictException.class);
        assertThat(got).hasSize(15);
      }
    }
  }

  @Test
  void aConcurrentAppendOutsideTheFilterDoesNotConflict() throws Exception {
    Table table = table();
    append(table, rows(0, 10));
    Delete delete = table.newDelete().where("id < 5");
    get(pool.submit(() -> append(table, rows(100, 110))));
    DeleteResult r = delete.commit();
    assertThat(r.version()).isEqualTo(3);
    assertThat(ids(table)).hasSize(15).doesNotContain(0L, 4L);
  }

  @Test
  void compactionConflictsOnlyWhenAFileItRewroteWasRemoved() throws Exception {
    Table table = table();
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    Compaction compaction = table.compact().targetFileSizeBytes(8L << 20);
    get(pool.submit(() -> table.newDelete().where("id = 3").commit()));
    assertThatThrownBy(compaction::commit).isInstanceOf(CommitConflictException.class)
        .hasMessageContaining("removed concurrently");
    assertThat(ids(table)).hasSize(19);
  }

  @Test
  void vacuumRacingWritersNeverDeletesACommittedFile() throws Exception {
    Table table = table();
    for (int i = 0; i < 4; i++) {
      append(table, rows(i * 10L, i * 10L + 10));
    }
    table.newDelete().where("id in (1, 11)").commit();
    table.compact().targetFileSizeBytes(8L << 20).commit();
    append(table, rows(40, 45)); // the version current when the window starts
    Set<String> dead = OpsFixtures.dataFilesOnDisk(table);
    dead.removeAll(table.refresh().dataFiles().stream().map(DataFile::path).toList());
    assertThat(dead).hasSize(6);
    Duration retention = Duration.ofSeconds(3);
    Thread.sleep(retention.toMillis() + 200);

    int writers = 2;
    int appends = 12;
    CyclicBarrier start = new CyclicBarrier(writers + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      long base = 1000L * (t + 1);
      Table own = Tables.open(new LocalFileIO(), table.location());
      tasks.add(pool.submit(() -> {
        start.await();
        for (int a = 0; a < appends; a++) {
          append(own, rows(base + a * 3L, base + a * 3L + 3));
        }
        return null;
      }));
    }
    Callable<Long> vacuums = () -> {
      start.await();
      long deleted = 0;
      do {
        deleted += table.vacuum().retain(retention).force(true).execute().numDataFiles();
        Thread.sleep(20);
      } while (writing.get());
      return deleted;
    };
    Future<Long> vacuum = pool.submit(vacuums);
    for (Future<?> t : tasks) {
      get(t);
    }
    writing.set(false);
    assertThat(get(vacuum)).isEqualTo(dead.size());
    Table reopened = Tables.open(new LocalFileIO(), table.location());
    for (DataFile f : reopened.refresh().dataFiles()) {
      assertThat(Files.exists(Path.of(table.location(), f.path()))).as(f.path()).isTrue();
    }
    assertThat(ids(reopened)).hasSize(43 + writers * appends * 3);
    for (String d : dead) {
      assertThat(Files.exists(Path.of(table.location(), d))).isFalse();
    }
  }
}

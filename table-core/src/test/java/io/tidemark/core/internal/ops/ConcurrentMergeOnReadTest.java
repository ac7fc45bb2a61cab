package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import io.tidemark.core.Delete;
import io.tidemark.core.DeleteResult;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.Transaction;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.CommitConflictException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge-on-read deletes racing each other and appenders on real threads, round after round. */
class ConcurrentMergeOnReadTest {
  private static final int ROUNDS = 25;

  @TempDir
  Path dir;

  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Table table(String name) {
    return Tables.create(new LocalFileIO(), dir.resolve(name).toString(), SCHEMA,
        Map.of(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
  }

  /** Runs the tasks at once; each result is the task's value or the exception it threw. */
  private List<Object> race(List<java.util.concurrent.Callable<Object>> tasks) throws Exception {
    CyclicBarrier start = new CyclicBarrier(tasks.size());
    List<Future<Object>> futures = new ArrayList<>();
    for (var task : tasks) {
      futures.add(pool.submit(() -> {
        start.await();
        try {
          return task.call();
        } catch (RuntimeException e) {
          return e;
        }
      }));
    }
    List<Object> out = new ArrayList<>();
    for (Future<Object> f : futures) {
      try {
        out.add(f.get(2, TimeUnit.MINUTES));
      } catch (ExecutionException e) {
        throw e;
      }
    }
    return out;
  }

  @Test
  void twoDeletesOfRowsOfOneFileNeverBothCommitAndTheLoserConflicts() throws Exception {
    Table table = table("t");
    append(table, rows(0, 2 * ROUNDS));
    List<Long> expected = new ArrayList<>(LongStream.range(0, 2 * ROUNDS).boxed().toList());
    int conflicts = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long a = 2L * round;
      long b = a + 1;
      // both read the same version before either commits
      Delete first = table.newDelete().where("id = " + a);
      Delete second = table.newDelete().where("id = " + b);
      List<Object> results = race(List.of(first::commit, second::commit));
      long committed = results.stream().filter(r -> r instanceof DeleteResult d && d.committed()).count();
      assertThat(committed).as("round %d: %s", round, results).isEqualTo(1);
      assertThat(results).filteredOn(r -> r instanceof Throwable).singleElement()
          .isInstanceOf(CommitConflictException.class);
      conflicts++;
      expected.remove(results.get(0) instanceof DeleteResult ? Long.valueOf(a) : Long.valueOf(b));
      assertThat(ids(table)).as("round %d", round).isEqualTo(expected);
    }
    assertThat(conflicts).isEqualTo(ROUNDS);
    assertThat(table.refresh().recordCount()).isEqualTo(ROUNDS);
  }

  @Test
  void deletesOfDifferentFilesAndAppendsOfOtherRowsAllCommit() throws Exception {
    Table table = table("t");
    append(table, rows(0, 1000));
    append(table, rows(1000, 2000));
    long appended = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long inFirst = round;
      long inSecond = 1000L + round;
      long base = 10_000L + 10L * round;
      Delete first = table.newDelete().where("id = " + inFirst);
      Delete second = table.newDelete().where("id = " + inSecond);
      List<Object> results = race(List.of(first::commit, second::commit,
          () -> append(table, rows(base, base + 10))));
      assertThat(results).as("round %d", round).noneMatch(r -> r instanceof Throwable);
      assertThat(results.subList(0, 2)).allSatisfy(r -> assertThat(((DeleteResult) r).numDeletedRows()).isOne());
      appended += 10;
    }
    List<Long> ids = ids(table);
    assertThat(ids).hasSize((int) (2000 - 2 * ROUNDS + appended));
    assertThat(ids).doesNotContain(0L, (long) ROUNDS - 1, 1000L, 1000L + ROUNDS - 1)
        .contains((long) ROUNDS, 1000L + ROUNDS, 10_000L, 10_000L + appended - 1);
  }

  @Test
  void turningMergeOnReadOnRebasesOverConcurrentAppendsAndTheyOverItInEitherOrder() throws Exception {
    int upgradeRebased = 0;
    int appendRebased = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Table table = Tables.create(dir.resolve("p" + round).toString(), SCHEMA);
      append(table, rows(0, 100));
      // both read version 1 before either commits: whichever loses must rebase over the other
      Transaction upgrade = table.newTransaction()
          .updateProperties(p -> p.set(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ))
          .delete("id = 7");
      AppendWriter appender = table.newAppend();
      appender.writeAll(rows(100, 110));
      List<Object> results = race(List.of(upgrade::commit, appender::commit));
      appender.close();
      assertThat(results).as("round %d: %s", round, results).noneMatch(r -> r instanceof Throwable);
      long upgradeVersion = ((CommitResult) results.get(0)).version();
      long appendVersion = ((CommitResult) results.get(1)).version();
      assertThat(List.of(upgradeVersion, appendVersion)).containsExactlyInAnyOrder(2L, 3L);
      if (upgradeVersion == 3) {
        upgradeRebased++;
      } else {
        appendRebased++;
      }
      Snapshot now = table.refresh();
      assertThat(now.protocol().readerFeatures()).containsExactly(Protocol.DELETION_VECTORS);
      assertThat(now.properties()).containsEntry(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ);
      List<Long> expected = new ArrayList<>(LongStream.range(0, 110).boxed().toList());
      expected.remove(Long.valueOf(7));
      assertThat(ids(table)).as("round %d", round).isEqualTo(expected);
      Commit upgraded = ((TableContext) table).log().read(upgradeVersion);
      assertThat(upgraded.protocol()).isNotNull();
      assertThat(upgraded.adds()).singleElement().satisfies(a -> assertThat(a.deletionVector().cardinality()).isOne());
    }
    assertThat(upgradeRebased + appendRebased).isEqualTo(ROUNDS);
  }

  @Test
  void turningMergeOnReadOnStillConflictsWithAConcurrentDelete() throws Exception {
    Table table = Tables.create(dir.resolve("d").toString(), SCHEMA);
    append(table, rows(0, 100));
    Transaction upgrade = table.newTransaction()
        .updateProperties(p -> p.set(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
    table.newDelete().where("id = 3").commit();
    assertThatThrownBy(upgrade::commit).isInstanceOf(CommitConflictException.class)
        .hasMessageContaining("changed concurrently");
    Delete delete = table.newDelete().where("id = 4");
    table.updateProperties().set(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ).commit();
    assertThatThrownBy(delete::commit).isInstanceOf(CommitConflictException.class)
        .hasMessageContaining("protocol was changed concurrently");
  }
}

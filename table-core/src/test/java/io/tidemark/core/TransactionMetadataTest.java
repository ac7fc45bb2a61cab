package io.tidemark.core;

import static io.tidemark.core.TransactionTest.SCHEMA;
import static io.tidemark.core.TransactionTest.dataFilesOnDisk;
import static io.tidemark.core.TransactionTest.revisions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.Transforms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions holding overwrites, partition spec changes and property changes. */
class TransactionMetadataTest {
  @TempDir
  Path dir;

  private Table tableOf(long rows) {
    return TransactionTest.tableOf(dir.resolve("t"), rows);
  }

  @Test
  void anOverwriteASpecChangeAndAPropertyChangeAreOneVersion() {
    Table table = tableOf(10);
    CommitResult result = table.newTransaction()
        .updatePartitionSpec(s -> s.addField("id", Transforms.bucket(4)))
        .updateProperties(p -> p.set("user.owner", "etl"))
        .overwrite("id < 3", List.of(Record.of(SCHEMA, 0L, 1L), Record.of(SCHEMA, 2L, 1L)))
        .commit();
    assertThat(result.version()).isEqualTo(2);
    Snapshot after = table.refresh();
    assertThat(after.metadata().defaultSpec().fields()).hasSize(1);
    assertThat(after.metadata().properties()).containsEntry("user.owner", "etl");
    Map<Long, List<Long>> rows = revisions(table.newScan());
    assertThat(rows).hasSize(9).doesNotContainKey(1L);
    assertThat(rows.get(0L)).containsExactly(1L);
    assertThat(rows.get(2L)).containsExactly(1L);
    assertThat(rows.get(5L)).containsExactly(0L);
    int newSpec = after.metadata().defaultSpecId();
    assertThat(after.dataFiles()).filteredOn(f -> f.recordCount() > 0 && f.specId() == newSpec)
        .allSatisfy(f -> assertThat(f.partitionValue(0)).isInstanceOf(Integer.class)).isNotEmpty();
    Snapshot before = table.snapshot(1);
    assertThat(before.metadata().defaultSpec().fields()).isEmpty();
    assertThat(before.metadata().properties()).doesNotContainKey("user.owner");
    assertThat(revisions(table.newScan().asOfVersion(1))).hasSize(10);
    assertThat(table.history().get(2).operation()).isEqualTo("TRANSACTION");
  }

  @Test
  void anOverwriteRowOutsideItsFilterEndsTheTransactionAndLeavesNoFiles() throws Exception {
    Table table = tableOf(5);
    long filesBefore = dataFilesOnDisk(dir.resolve("t"));
    Transaction t = table.newTransaction().append(List.of(Record.of(SCHEMA, 100L, 0L)));
    assertThatThrownBy(() -> t.overwrite("id = 1", List.of(Record.of(SCHEMA, 1L, 1L), Record.of(SCHEMA, 2L, 1L))))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("does not match");
    assertThatThrownBy(t::commit).isInstanceOf(InvalidArgumentException.class);
    assertThat(table.refresh().version()).isEqualTo(1);
    assertThat(dataFilesOnDisk(dir.resolve("t"))).isEqualTo(filesBefore);
    assertThatThrownBy(() -> table.newTransaction().updateProperties(p -> p.set("no.such.key", "1")))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> table.newTransaction().updateProperties(p -> p.unset("user.none")).commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("changes nothing");
  }

  @Test
  void aConcurrentMetadataChangeFailsTheWholeTransactionAndItsFilesGo() throws Exception {
    Table table = tableOf(5);
    long filesBefore = dataFilesOnDisk(dir.resolve("t"));
    Transaction t = table.newTransaction().updateProperties(p -> p.set("user.a", "1"))
        .append(List.of(Record.of(SCHEMA, 50L, 0L)));
    Tables.open(table.location()).updateProperties().set("user.b", "2").commit();
    assertThatThrownBy(t::commit).isInstanceOf(CommitConflictException.class);
    Snapshot now = table.refresh();
    assertThat(now.version()).isEqualTo(2);
    assertThat(now.metadata().properties()).containsEntry("user.b", "2").doesNotContainKey("user.a");
    assertThat(revisions(table.newScan())).doesNotContainKey(50L);
    assertThat(dataFilesOnDisk(dir.resolve("t"))).isEqualTo(filesBefore);

    Transaction spec = table.newTransaction().updatePartitionSpec(s -> s.addField("id", Transforms.bucket(2)))
        .overwrite("id = 1", List.of(Record.of(SCHEMA, 1L, 5L)));
    Tables.open(table.location()).updateProperties().set("user.c", "3").commit();
    assertThatThrownBy(spec::commit).isInstanceOf(CommitConflictException.class);
    assertThat(table.refresh().metadata().defaultSpec().fields()).isEmpty();
    assertThat(revisions(table.newScan()).get(1L)).containsExactly(0L);
  }

  @Test
  void readersSeeEachOverwriteAndItsPropertyWholeWhileAppendersRace() throws Exception {
    Table table = tableOf(20);
    int rounds = 25;
    int appends = 25;
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> overwriter = pool.submit(() -> {
        Table mine = Tables.open(table.location());
        for (long rev = 1; rev <= rounds; rev++) {
          long id = rev % 20;
          String value = Long.toString(rev);
          mine.newTransaction().overwrite("id = " + id, List.of(Record.of(SCHEMA, id, rev)))
              .updateProperties(p -> p.set("user.rev", value)).commit();
        }
        return null;
      });
      Future<?> appender = pool.submit(() -> {
        Table mine = Tables.open(table.location());
        for (long i = 0; i < appends; i++) {
          TestTables.append(mine, List.of(Record.of(SCHEMA, 1_000_000 + i, 0L)));
        }
        return null;
      });
      Future<Integer> reader = pool.submit(() -> {
        Table mine = Tables.open(table.location());
        int checked = 0;
        while (running.get()) {
          Snapshot s = mine.refresh();
          Map<Long, List<Long>> rows = revisions(mine.newScan().asOfVersion(s.version()));
          long newest = 0;
          for (long id = 0; id < 20; id++) {
            assertThat(rows.get(id)).as("id %d at version %d", id, s.version()).hasSize(1);
            newest = Math.max(newest, rows.get(id).get(0));
          }
          assertThat(s.metadata().properties().getOrDefault("user.rev", "0")).as("version %d", s.version())
              .isEqualTo(Long.toString(newest));
          checked++;
        }
        return checked;
      });
      overwriter.get(3, TimeUnit.MINUTES);
      appender.get(3, TimeUnit.MINUTES);
      running.set(false);
      assertThat(reader.get(1, TimeUnit.MINUTES)).isPositive();
    } finally {
      pool.shutdownNow();
    }
    assertThat(table.refresh().version()).isEqualTo(1 + rounds + appends);
    assertThat(table.currentSnapshot().metadata().properties()).containsEntry("user.rev", Long.toString(rounds));
    Map<Long, List<Long>> rows = revisions(table.newScan());
    assertThat(rows).hasSize(20 + appends);
    for (long id = 0; id < 20; id++) {
      long lastRev = 0;
      for (long rev = 1; rev <= rounds; rev++) {
        if (rev % 20 == id) {
          lastRev = rev;
        }
      }
      assertThat(rows.get(id)).as("id %d", id).containsExactly(lastRev);
    }
  }
}

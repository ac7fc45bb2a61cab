package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 8 threads x 25 appends to one table: no gap, nothing lost, on every storage. */
public abstract class ConcurrentAppendSuite {
  private static final int THREADS = 8;
  private static final int APPENDS = 25;
  private static final int ROWS = 10;

  /** The storage this run of the suite uses. */
  protected abstract TestStorage storage();

  @Test
  void eightThreadsSharingOneTableLoseNothingAndLeaveNoGap() throws Exception {
    Table table = Tables.create(storage().io(), storage().newLocation("t"), SCHEMA, Map.of());
    runWriters(i -> table);
    verify(table);
  }

  @Test
  void eightThreadsEachWithItsOwnTableInstanceLoseNothingAndLeaveNoGap() throws Exception {
    Table table = Tables.create(storage().io(), storage().newLocation("t"), SCHEMA, Map.of());
    runWriters(i -> Tables.open(storage().io(), table.location()));
    verify(table);
  }

  private interface TableFor {
    Table get(int thread);
  }

  private void runWriters(TableFor tables) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int thread = t;
        futures.add(pool.submit(() -> {
          Table table = tables.get(thread);
          start.await();
          List<Long> versions = new ArrayList<>();
          for (int a = 0; a < APPENDS; a++) {
            long first = ((long) thread * APPENDS + a) * ROWS;
            versions.add(TestTables.append(table, rows(first, first + ROWS)).version());
          }
          return versions;
        }));
      }
      Set<Long> versions = new HashSet<>();
      for (Future<List<Long>> f : futures) {
        for (long v : f.get(5, TimeUnit.MINUTES)) {
          assertThat(versions.add(v)).as("version %d reported by two commits", v).isTrue();
        }
      }
      assertThat(versions).hasSize(THREADS * APPENDS);
      assertThat(versions.stream().mapToLong(Long::longValue).min().getAsLong()).isEqualTo(1);
      assertThat(versions.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(THREADS * APPENDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private void verify(Table table) {
    Snapshot latest = table.refresh();
    assertThat(latest.version()).isEqualTo(THREADS * APPENDS);
    assertThat(table.history()).extracting(HistoryEntry::version)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, THREADS * APPENDS).boxed().toList());
    List<Record> all = read(table.newScan());
    assertThat(all).hasSize(THREADS * APPENDS * ROWS);
    assertThat(all).containsExactlyInAnyOrderElementsOf(rows(0, (long) THREADS * APPENDS * ROWS));
  }
}

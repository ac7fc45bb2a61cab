package io.tidemark.bench;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Workload 3: small appends. First one writer making {@code commitAppends} appends of
 * {@code smallRows} rows to a fresh table (latency of each {@code commit()} and of each whole append);
 * then 1, 2, 4 and 8 concurrent writers, each a thread with its own {@link Table} instance (as
 * separate processes would have), each making {@code appendsPerWriter} appends to one fresh table,
 * started together: commits per second over the wall time, retries (the sum of
 * {@link CommitResult#attempts()} − 1), and the final table checked row by row.
 */
final class CommitWorkload {
  private final BenchConfig config;
  private final Dataset data;
  private final Dirs dirs;
  private final Progress progress;
  private final Supplier<FileIO> storage;
  private final Map<String, String> properties;
  private long unexpectedRows;

  CommitWorkload(BenchConfig config, Dataset data, Dirs dirs, Progress progress) {
    this(config, data, dirs, progress, LocalFileIO::new, Map.of());
  }

  /** The same workload on another storage implementation or with more table properties (for diagnostics). */
  CommitWorkload(BenchConfig config, Dataset data, Dirs dirs, Progress progress, Supplier<FileIO> storage,
      Map<String, String> properties) {
    this.config = config;
    this.data = data;
    this.dirs = dirs;
    this.progress = progress;
    this.storage = storage;
    this.properties = properties;
  }

  // The tables stay until the run ends (Dirs.deleteAll): on ext4 without a journal, each new
  // file scans past the inodes freed in the last minutes, so deleting one repetition's thousands of
  // small files made the next repetitions pay for it (measured: up to 1.6x fewer commits/s).

  private Table create(Path location) {
    Map<String, String> all = new java.util.HashMap<>(properties);
    all.put(TableProperties.COMPRESSION, WriteWorkload.CODEC);
    return Tables.create(storage.get(), location.toString(), Dataset.SCHEMA, all);
  }

  private Table open(Path location) {
    return Tables.open(storage.get(), location.toString());
  }

  void run(Results results) throws InterruptedException {
    single(results);
    concurrentOnly(results);
  }

  /**
   * Only the concurrent part. The levels take turns, repetition by repetition (1, 2, 4, 8, then
   * again), so that what changes over the run — the JIT still compiling early on, the disk's
   * other load — falls on every level alike instead of on whichever level runs first.
   */
  void concurrentOnly(Results results) throws InterruptedException {
    int[] levels = config.writers();
    Level[] figures = new Level[levels.length];
    for (int l = 0; l < levels.length; l++) {
      figures[l] = new Level(config.concurrentReps());
    }
    int total = config.warmups() + config.concurrentReps();
    for (int i = 0; i < total; i++) {
      for (int l = 0; l < levels.length; l++) {
        concurrent(levels[l], i, figures[l]);
      }
    }
    for (int l = 0; l < levels.length; l++) {
      figures[l].addTo(results, levels[l], config);
    }
    if (unexpectedRows != 0) {
      results.note("CHECK FAILED: " + unexpectedRows + " rows in the commit tables that no acknowledged commit wrote");
    }
  }

  /** The measured repetitions of one concurrency level. */
  private static final class Level {
    final double[] rate;
    final double[] retries;
    final double[] lost;
    final double[] failed;
    final double[] cpuPerCommit;

    Level(int reps) {
      rate = new double[reps];
      retries = new double[reps];
      lost = new double[reps];
      failed = new double[reps];
      cpuPerCommit = new double[reps];
    }

    void addTo(Results results, int writers, BenchConfig config) {
      String what = writers + " writer" + (writers == 1 ? "" : "s") + " × " + config.appendsPerWriter()
          + " appends of " + config.smallRows() + " rows";
      results.add("concurrent." + writers + ".commits_per_s", rate, "commits/s", what + ", over the wall time");
      results.add("concurrent." + writers + ".retries", retries, "attempts", "sum of attempts − 1 over all commits");
      results.add("concurrent." + writers + ".rows_lost", lost, "rows",
          "rows of acknowledged commits missing from the final table (must be 0)");
      results.add("concurrent." + writers + ".failed_commits", failed, "commits", "commits that threw (must be 0)");
      results.add("concurrent." + writers + ".cpu_ms_per_commit", cpuPerCommit, "ms",
          "CPU time of the writer threads (not GC or JIT) per commit, retries included");
    }
  }

  private void single(Results results) {
    int total = config.warmups() + config.commitReps();
    double[] p50 = new double[config.commitReps()];
    double[] p99 = new double[config.commitReps()];
    double[] max = new double[config.commitReps()];
    double[] append50 = new double[config.commitReps()];
    double[] append99 = new double[config.commitReps()];
    for (int i = 0; i < total; i++) {
      Path location = dirs.fresh("commit");
      Table table = create(location);
      int n = config.commitAppends();
      double[] commitMs = new double[n];
      double[] appendMs = new double[n];
      Quiesce.settleIo();
      for (int k = 0; k < n; k++) {
        long a0 = System.nanoTime();
        try (AppendWriter w = table.newAppend()) {
          writeSlice(w, k);
          long c0 = System.nanoTime();
          CommitResult r = w.commit();
          long c1 = System.nanoTime();
          if (r.attempts() != 1) {
            throw new IllegalStateException("a lone writer needed " + r.attempts() + " attempts");
          }
          commitMs[k] = (c1 - c0) / 1e6;
          appendMs[k] = (c1 - a0) / 1e6;
        }
      }
      List<Long> slices = new ArrayList<>();
      for (long k = 0; k < n; k++) {
        slices.add(k);
      }
      long missing = verify(location, slices, 0, "single writer");
      if (missing != 0) {
        throw new IllegalStateException("a single writer lost " + missing + " rows");
      }
      progress.step("commit", i, config.warmups(), String.format("%d appends: commit p50 %.2f ms, p99 %.2f ms",
          n, Stats.percentile(commitMs, 50), Stats.percentile(commitMs, 99)));
      if (i >= config.warmups()) {
        int m = i - config.warmups();
        p50[m] = Stats.percentile(commitMs, 50);
        p99[m] = Stats.percentile(commitMs, 99);
        max[m] = Stats.percentile(commitMs, 100);
        append50[m] = Stats.percentile(appendMs, 50);
        append99[m] = Stats.percentile(appendMs, 99);
      }
    }
    String what = config.commitAppends() + " appends of " + config.smallRows() + " rows, one writer";
    results.add("commit.p50_ms", p50, "ms", "median latency of commit() (closes the data file, writes _log/<v>.json); " + what
        + " (< 10 ms is the target)");
    results.add("commit.p99_ms", p99, "ms", "99th percentile of the same");
    results.add("commit.max_ms", max, "ms", "slowest commit() of the same");
    results.add("append.p50_ms", append50, "ms", "median of a whole small append: newAppend(), " + config.smallRows()
        + " writes, commit()");
    results.add("append.p99_ms", append99, "ms", "99th percentile of the same");
  }

  private int sliceStart(long slice) {
    return (int) ((slice * config.smallRows()) % (data.rows.length - config.smallRows()));
  }

  private void writeSlice(AppendWriter w, long slice) {
    int from = sliceStart(slice);
    for (int i = from; i < from + config.smallRows(); i++) {
      w.write(data.rows[i]);
    }
  }

  /** The ids of the rows of these slices, sorted. */
  private long[] idsOf(List<Long> slices) {
    long[] ids = new long[slices.size() * config.smallRows()];
    int k = 0;
    for (long slice : slices) {
      int from = sliceStart(slice);
      for (int i = from; i < from + config.smallRows(); i++) {
        ids[k++] = (Long) data.rows[i].get(Dataset.ID);
      }
    }
    Arrays.sort(ids);
    return ids;
  }

  /** Repetition {@code i} of one level (the first {@code warmups} are not recorded). */
  private void concurrent(int writers, int i, Level figures) throws InterruptedException {
    ThreadMXBean threadTimes = ManagementFactory.getThreadMXBean();
    Path location = dirs.fresh("concurrent-" + writers);
    AtomicLong writerCpuNanos = new AtomicLong();
    create(location);
    CountDownLatch ready = new CountDownLatch(writers);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong attemptsOverOne = new AtomicLong();
    AtomicLong committed = new AtomicLong();
    List<Long> committedSlices = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failures = new AtomicLong();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    int perWriter = config.appendsPerWriter();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread t = new Thread(() -> {
        Table table = open(location);
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long cpuStart = threadTimes.getCurrentThreadCpuTime();
        for (int k = 0; k < perWriter; k++) {
          try (AppendWriter a = table.newAppend()) {
            long slice = (long) writer * perWriter + k;
            writeSlice(a, slice);
            CommitResult r = a.commit();
            committedSlices.add(slice);
            attemptsOverOne.addAndGet(r.attempts() - 1);
            committed.incrementAndGet();
          } catch (RuntimeException e) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, e);
          }
        }
        writerCpuNanos.addAndGet(threadTimes.getCurrentThreadCpuTime() - cpuStart);
      }, "bench-writer-" + w);
      threads.add(t);
      t.start();
    }
    ready.await();
    Quiesce.settleIo();
    long start = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long missing = verify(location, new ArrayList<>(committedSlices), failures.get(), writers + " writers");
    if (firstFailure.get() != null) {
      progress.line("  first commit failure with " + writers + " writers: " + firstFailure.get());
    }
    progress.step("concurrent " + writers, i, config.warmups(), String.format(
        "%d commits in %.2f s (%.1f/s), %d retries, %d failed, %d rows lost, %.2f ms writer CPU per commit",
        committed.get(), seconds, committed.get() / seconds, attemptsOverOne.get(), failures.get(), missing,
        writerCpuNanos.get() / 1e6 / Math.max(1, committed.get())));
    if (i >= config.warmups()) {
      int m = i - config.warmups();
      figures.rate[m] = committed.get() / seconds;
      figures.retries[m] = attemptsOverOne.get();
      figures.lost[m] = missing;
      figures.failed[m] = failures.get();
      figures.cpuPerCommit[m] = writerCpuNanos.get() / 1e6 / Math.max(1, committed.get());
    }
  }

  /**
   * Reopens the table, reads every row, and checks that it holds exactly the rows of the
   * acknowledged commits (compared id by id), in as many versions. Returns how many rows of
   * acknowledged commits are missing; rows that should not be there are reported on the progress
   * stream and in the notes.
   */
  private long verify(Path location, List<Long> slices, long failures, String what) {
    Table table = open(location);
    Snapshot snapshot = table.refresh();
    long[] expected = idsOf(slices);
    List<Long> found = new ArrayList<>();
    try (CloseableIterable<Record> records = table.newScan().select("id").records()) {
      for (Record r : records) {
        found.add((Long) r.get(0));
      }
    }
    long[] actual = found.stream().mapToLong(Long::longValue).sorted().toArray();
    long missing = 0;
    long extra = 0;
    int i = 0;
    int j = 0;
    while (i < expected.length || j < actual.length) {
      if (j == actual.length || (i < expected.length && expected[i] < actual[j])) {
        missing++;
        i++;
      } else if (i == expected.length || actual[j] < expected[i]) {
        extra++;
        j++;
      } else {
        i++;
        j++;
      }
    }
    if (snapshot.version() != slices.size()) {
      progress.line("  " + what + ": table is at version " + snapshot.version() + " after " + slices.size()
          + " acknowledged commits (and " + failures + " failed)");
    }
    if (snapshot.recordCount() != actual.length) {
      progress.line("  " + what + ": snapshot says " + snapshot.recordCount() + " rows, the files hold " + actual.length);
    }
    if (extra != 0) {
      progress.line("  " + what + ": " + extra + " rows in the table that no acknowledged commit wrote");
    }
    if (extra != 0) {
      unexpectedRows += extra;
    }
    return missing;
  }
}

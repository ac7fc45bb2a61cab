package io.tidemark.bench;

import io.tidemark.core.DataFile;
import io.tidemark.core.ScanPlan;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;

/**
 * Workload 4, second part (issue 18): metadata on the shapes that streaming ingest makes. Every
 * figure opens a new {@link Table} and closes it after, so nothing is cached between
 * repetitions; a plan's time includes loading the snapshot, as a fresh process pays it.
 *
 * <ul>
 *   <li>{@code metadata.auto_10k.*}: 2,000 commits of 5 day-partitioned files of 100 rows (10,000
 *       files over 30 days), checkpointed only by the automatic checkpoints (every 100 commits,
 *       each written incrementally from the one before, as a writer does);
 *   <li>{@code metadata.scale.*}: {@code commits} commits of 500 files (1,000,000 files over 1,000
 *       days in a full run, 100,000 over 100 days in quick mode), checkpointed the same way: cold
 *       load, one-day plan and full plan, and the heap each holds.
 * </ul>
 */
final class MetadataScaleWorkload {
  private static final int SCALE_FILES_PER_COMMIT = 500;
  private static final int SCALE_COMMITS_PER_DAY = 2;

  private final Results results;
  private final Progress progress;
  private final Dirs dirs;
  private final int repetitions;
  private final int scaleCommits;

  /**
   * @param scaleCommits commits of 500 files in the scale table (2,000 for a million files)
   */
  MetadataScaleWorkload(Results results, Progress progress, Dirs dirs, int repetitions, int scaleCommits) {
    this.results = results;
    this.progress = progress;
    this.dirs = dirs;
    this.repetitions = repetitions;
    this.scaleCommits = scaleCommits;
  }

  void run() throws IOException {
    progress.line("metadata: writing 2,000 commits x 5 files of 100 rows, automatic checkpoints");
    String auto = SyntheticTables.write(dirs.fresh("auto-10k"), 30, 2_000, 5, 100, 100);
    String day = SyntheticTables.dayFilter(12);
    Timing load = time(() -> load(auto));
    Timing planDay = time(() -> plan(auto, day));
    Timing planFull = time(() -> plan(auto, null));
    report("metadata.auto_10k.load", load,
        "cold load (new Table, newest snapshot), 2,000 x 5 files, automatic checkpoints only (bar: Iceberg 6.6)");
    report("metadata.auto_10k.plan_day", planDay,
        "new Table, one-day plan, load included (bars: Iceberg 32.3 cold, 11.8 after rewriteManifests)");
    report("metadata.auto_10k.plan_full", planFull,
        "new Table, plan of all 10,000 files, load included (bar: Delta 15.6)");
    reportWhatADayReads("metadata.auto_10k", auto, day);

    int days = scaleCommits / SCALE_COMMITS_PER_DAY;
    long files = (long) scaleCommits * SCALE_FILES_PER_COMMIT;
    progress.line(String.format("metadata: writing %,d commits x %d files (%,d files over %,d days)", scaleCommits,
        SCALE_FILES_PER_COMMIT, files, days));
    long writeStart = System.nanoTime();
    String scale = SyntheticTables.write(dirs.fresh("scale"), days, scaleCommits, SCALE_FILES_PER_COMMIT, 100, 100);
    progress.line(String.format("metadata: scale table written in %.1f s", (System.nanoTime() - writeStart) / 1e9));
    String scaleDay = SyntheticTables.dayFilter(days / 2);
    Timing scaleLoad = time(() -> load(scale));
    Timing scalePlanDay = time(() -> plan(scale, scaleDay));
    // seconds each at a million files: a few repetitions say enough
    Timing scalePlanFull = time(() -> plan(scale, null), 3);
    results.add("metadata.scale.files", files, "files", scaleCommits + " commits of 500 files over " + days + " days");
    report("metadata.scale.load", scaleLoad, "cold load of the newest snapshot (target <= 100)");
    report("metadata.scale.plan_day", scalePlanDay,
        "new Table, one-day plan (1,000 files match), load included (target <= 50)");
    report("metadata.scale.plan_full", scalePlanFull, "new Table, every file planned and iterated");
    results.add("metadata.scale.plan_day_cpu_ratio_vs_auto_10k",
        Stats.median(scalePlanDay.cpuMs()) / Stats.median(planDay.cpuMs()), "x",
        "one-day plan's CPU time on this table / on the 10,000-file table (growth with the table)");
    reportWhatADayReads("metadata.scale", scale, scaleDay);
    results.add("metadata.scale.load_heap_mb", retainedMb(() -> held(scale, null, 0)), "MiB",
        "heap held by an open table with its newest snapshot loaded (after GC)");
    results.add("metadata.scale.plan_day_heap_mb", retainedMb(() -> held(scale, scaleDay, 0)), "MiB",
        "heap held by the open table and its one-day plan (after GC)");
    results.add("metadata.scale.plan_full_heap_mb", retainedMb(() -> held(scale, null, files)), "MiB",
        "heap held half-way through iterating a full plan (after GC)");
  }

  /** The manifests a one-day plan read and the files it matched, of how many. */
  private void reportWhatADayReads(String prefix, String location, String day) {
    try (Table t = Tables.open(location)) {
      ScanPlan p = t.newScan().filter(day).plan();
      results.add(prefix + ".plan_day_manifests_read", p.metrics().manifestsRead(), "manifests",
          "of " + p.metrics().manifestsTotal() + " in the checkpoint");
      results.add(prefix + ".plan_day_files_matched", p.metrics().filesMatched(), "files",
          "of " + p.metrics().filesTotal());
    }
  }

  private interface Timed {
    void run() throws IOException;
  }

  /**
   * Wall times, and the CPU times of the measuring thread (the work is single-threaded): on a
   * machine other jobs share, the CPU time tells what the work costs, the wall time what it took.
   */
  private record Timing(double[] wallMs, double[] cpuMs) {}

  private void report(String name, Timing timing, String note) {
    results.add(name + "_ms", timing.wallMs(), "ms", note);
    results.add(name + "_cpu_ms", timing.cpuMs(), "ms", "the same, CPU time of the planning thread");
  }

  private Timing time(Timed work) throws IOException {
    return time(work, repetitions);
  }

  private static Timing time(Timed work, int repetitions) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    work.run(); // warm-up: classes and JIT, not caches (every run opens the table anew)
    double[] ms = new double[repetitions];
    double[] cpu = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    return new Timing(ms, cpu);
  }

  private static void load(String location) {
    try (Table table = Tables.open(location)) {
      if (table.currentSnapshot().version() <= 0) {
        throw new IllegalStateException("empty table at " + location);
      }
    }
  }

  /** Opens the table and plans, iterating every planned file as a caller would. */
  private static void plan(String location, String filter) {
    try (Table table = Tables.open(location)) {
      long n = 0;
      long bytes = 0;
      for (DataFile f : files(table, filter)) {
        bytes += f.fileSizeBytes();
        n++;
      }
      if (n == 0 || bytes <= 0) {
        throw new IllegalStateException("nothing planned at " + location);
      }
    }
  }

  /** The planned files, streamed ({@code Scan.files()}): a caller iterating them needs no list of them all. */
  private static Iterable<DataFile> files(Table table, String filter) {
    return (filter == null ? table.newScan() : table.newScan().filter(filter)).files();
  }

  private interface Holder {
    /** Does the work and returns the heap used (after GC) while its result is still held. */
    long usedWhileHeld();
  }

  private static double retainedMb(Holder holder) {
    long before = usedAfterGc();
    long held = holder.usedWhileHeld();
    return Math.max(0, held - before) / (1024.0 * 1024.0);
  }

  /**
   * Heap used while an open table holds its newest snapshot, and a one-day plan ({@code filter}),
   * or half of a full plan's files have been iterated ({@code halfOf} > 0).
   */
  private static long held(String location, String filter, long halfOf) {
    try (Table table = Tables.open(location)) {
      if (table.currentSnapshot().version() <= 0) {
        throw new IllegalStateException("empty table at " + location);
      }
      if (filter == null && halfOf == 0) {
        return usedAfterGc();
      }
      long n = 0;
      Iterable<DataFile> files = files(table, filter);
      for (DataFile f : files) {
        if (++n == halfOf / 2) {
          long used = usedAfterGc();
          Reference.reachabilityFence(files);
          return used;
        }
      }
      long used = usedAfterGc();
      Reference.reachabilityFence(files);
      return used;
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}

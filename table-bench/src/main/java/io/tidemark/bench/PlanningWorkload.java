package io.tidemark.bench;

import io.tidemark.core.ScanPlan;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.io.IOException;

/**
 * Workload 4, metadata: how loading and planning cost grows with history and table size. Only
 * metadata is touched (commit files, checkpoints, manifests), so the tables are made of commits
 * whose add actions describe data files that are never read: each file holds one day's rows,
 * with realistic statistics and partition values under {@code day(ts)}.
 */
final class PlanningWorkload {
  private final Results results;
  private final Progress progress;
  private final Dirs dirs;
  private final int repetitions;

  PlanningWorkload(Results results, Progress progress, Dirs dirs, int repetitions) {
    this.results = results;
    this.progress = progress;
    this.dirs = dirs;
    this.repetitions = repetitions;
  }

  void run() throws IOException {
    progress.line("metadata: writing a 30-day table of 2,000 commits x 5 files");
    String longHistory = table("plan-2000", 30, 2_000, 5);
    progress.line("metadata: writing a 30-day table of 20 commits x 500 files");
    String shortHistory = table("plan-20", 30, 20, 500);

    double[] loadNoCheckpoint = time(() -> load(longHistory, false));
    Tables.open(longHistory).checkpoint();
    double[] loadCheckpoint = time(() -> load(longHistory, false));
    double[] loadShort = time(() -> load(shortHistory, false));
    double[] listCheckpoint = time(() -> load(longHistory, true));
    double[] listShort = time(() -> load(shortHistory, true));
    results.add("metadata.load_2000_commits_no_checkpoint_ms", loadNoCheckpoint, "ms",
        "cold load of the newest snapshot, replaying 2,000 commits of 5 files");
    results.add("metadata.load_2000_commits_checkpoint_ms", loadCheckpoint, "ms",
        "the same table from its checkpoint (manifest list read; manifests read when planned)");
    results.add("metadata.load_20_commits_ms", loadShort, "ms", "20 commits holding the same 10,000 files");
    results.add("metadata.load_checkpoint_ratio_vs_20_commits", Stats.median(loadCheckpoint) / Stats.median(loadShort),
        "x", "target <= 3");
    results.add("metadata.load_and_list_files_checkpoint_ms", listCheckpoint, "ms",
        "load from the checkpoint and list all 10,000 live files (every manifest read)");
    results.add("metadata.load_and_list_files_20_commits_ms", listShort, "ms", "the same for the 20-commit table");
    results.add("metadata.load_and_list_ratio", Stats.median(listCheckpoint) / Stats.median(listShort), "x",
        "all files enumerated on both sides");

    String day = "ts >= '2024-01-12 00:00:00' and ts < '2024-01-13 00:00:00'";
    double[] planDay = timePlans(longHistory, day);
    double[] planFull = timePlans(longHistory, null);
    results.add("metadata.plan_day_10k_ms", planDay, "ms",
        "one-day plan on a freshly opened table of 10,000 files (no manifest cached)");
    results.add("metadata.plan_full_10k_ms", planFull, "ms", "full-scan plan of the same table");
    results.add("metadata.plan_day_ratio_vs_full", Stats.median(planDay) / Stats.median(planFull), "x",
        "target <= 0.2");
    ScanPlan dayPlan = Tables.open(longHistory).newScan().filter(day).plan();
    results.add("metadata.plan_day_10k_manifests_read", (double) dayPlan.metrics().manifestsRead(), "manifests",
        "of " + dayPlan.metrics().manifestsTotal());
    results.add("metadata.plan_day_10k_files_matched", (double) dayPlan.metrics().filesMatched(), "files",
        "of " + dayPlan.metrics().filesTotal());

    progress.line("metadata: writing a 300-day table of 20,000 commits x 5 files");
    String big = table("plan-100k", 300, 20_000, 5);
    Tables.open(big).checkpoint();
    double[] planDayBig = timePlans(big, day);
    results.add("metadata.plan_day_100k_ms", planDayBig, "ms", "one-day plan on a cold table of 100,000 files");
    results.add("metadata.plan_day_100k_ratio_vs_10k", Stats.median(planDayBig) / Stats.median(planDay), "x",
        "target <= 1.5");
  }

  private interface Timed {
    void run() throws IOException;
  }

  private double[] time(Timed work) throws IOException {
    work.run(); // warm-up: classes and JIT, not caches (every run opens the table anew)
    double[] ms = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  private static void load(String location, boolean listFiles) {
    Table table = Tables.open(location);
    long files = listFiles ? table.currentSnapshot().dataFiles().size() : table.currentSnapshot().version();
    if (files <= 0) {
      throw new IllegalStateException("empty table at " + location);
    }
  }

  /**
   * Plans on a table opened anew for each repetition (so no manifest is cached), timing the
   * plan only: loading is measured by the load figures.
   */
  private double[] timePlans(String location, String filter) {
    plan(Tables.open(location), filter); // warm-up
    double[] ms = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      Table table = Tables.open(location);
      long start = System.nanoTime();
      plan(table, filter);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  private static void plan(Table table, String filter) {
    ScanPlan plan = (filter == null ? table.newScan() : table.newScan().filter(filter)).plan();
    if (plan.files().isEmpty()) {
      throw new IllegalStateException("nothing planned at " + table.location());
    }
  }

  /** A table of commits written directly, without checkpoints (this workload writes them itself). */
  private String table(String name, int days, int commits, int filesPerCommit) throws IOException {
    return SyntheticTables.write(dirs.fresh(name), days, commits, filesPerCommit, 1_000, 0);
  }
}

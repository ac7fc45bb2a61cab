package io.tidemark.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.Version;

/**
 * Runs the benchmarks: Tidemark against plain parquet-hadoop in one run, reported as ratios.
 *
 * <pre>
 * bin/tidemark-bench [--quick] [--only write,scan,commit,metadata,scale,micro,smallscan] [--out FILE] [--work-dir DIR]
 * </pre>
 *
 * Prints a markdown table on standard output (progress goes to standard error) and writes the
 * figures as a flat JSON object.
 */
public final class TidemarkBench {
  private static final List<String> WORKLOADS =
      List.of("write", "scan", "commit", "metadata", "scale", "micro", "smallscan");

  private TidemarkBench() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Path out = Paths.get("table-bench", "target", "bench-results.json");
    Path workParent = Paths.get(System.getProperty("java.io.tmpdir"));
    Set<String> only = new LinkedHashSet<>(WORKLOADS);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Paths.get(value(args, ++i, "--out"));
        case "--work-dir" -> workParent = Paths.get(value(args, ++i, "--work-dir"));
        case "--only" -> {
          only = new LinkedHashSet<>(List.of(value(args, ++i, "--only").split(",")));
          if (!WORKLOADS.containsAll(only)) {
            usage("--only takes a comma-separated list of " + WORKLOADS);
          }
          if (only.contains("scan")) {
            only.add("write"); // the scan reads the table the write workload wrote
          }
        }
        case "-h", "--help" -> {
          System.out.println(USAGE);
          return;
        }
        default -> usage("unknown argument " + args[i]);
      }
    }
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BenchConfig config = quick ? BenchConfig.quickMode() : BenchConfig.fullMode();
    Progress progress = new Progress(System.err);
    Dirs dirs = Dirs.create(workParent);
    Thread cleanup = new Thread(dirs::deleteAll, "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    Results results = new Results();
    Machine machine = Machine.describe();
    long started = System.nanoTime();
    try (Sides sides = new Sides(config, progress)) {
      progress.line("generating " + config.rows() + " rows (seed " + Dataset.SEED + ")");
      Dataset data = Dataset.generate(config.rows());
      progress.line("tables go under " + dirs.root());
      Path table = null;
      if (only.contains("write")) {
        table = new WriteWorkload(config, dirs, progress, sides).run(results);
      }
      if (only.contains("scan")) {
        new ScanWorkload(config, data, progress, sides).run(table, results);
      }
      if (only.contains("commit")) {
        new CommitWorkload(config, data, dirs, progress).run(results);
      }
      if (only.contains("metadata")) {
        new PlanningWorkload(results, progress, dirs, config.quick() ? 3 : 7).run();
      }
      if (only.contains("scale")) {
        new MetadataScaleWorkload(results, progress, dirs, config.quick() ? 5 : 11, config.quick() ? 200 : 2_000).run();
      }
      if (only.contains("micro")) {
        new MicroWorkload(config, progress).run(results);
      }
      if (only.contains("smallscan")) {
        new SmallScanWorkload(config, data, dirs, progress, sides).run(results);
      }
    } finally {
      dirs.deleteAll();
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    Machine after = Machine.describe();
    addMeta(results, config, machine, after, minutes);
    results.writeJson(out);
    stdout.print(header(config, machine, after, minutes));
    stdout.print(results.toMarkdown());
    stdout.println();
    stdout.println("Figures written to " + out.toAbsolutePath().normalize());
  }

  private static void addMeta(Results results, BenchConfig config, Machine before, Machine after, double minutes) {
    results.note("Metadata: tables of commits whose adds describe day-partitioned files (only metadata is read); "
        + "loads open a new Table each time; plans are timed on a freshly opened table, so manifests are read cold.");
    results.note("The one-day read: Tidemark plans with Scan.filter (files pruned by column statistics, row groups by "
        + "theirs); parquet-hadoop opens every file (no table metadata) and skips row groups by their statistics. "
        + "Files and row groups opened are counted at the storage layer in an untimed pass.");
    results.note("Ratios are the median of per-repetition ratios (each repetition runs both sides back to back, "
        + "alternating which goes first); rates are medians of repetitions, with min – max.");
    results.addJsonOnly("config.quick", config.quick() ? 1 : 0);
    results.addJsonOnly("config.rows", config.rows());
    results.addJsonOnly("config.appends", config.appends());
    results.addJsonOnly("config.warmups", config.warmups());
    results.addJsonOnly("config.reps", config.reps());
    results.addJsonOnly("config.commit_appends", config.commitAppends());
    results.addJsonOnly("config.small_append_rows", config.smallRows());
    results.addJsonOnly("config.commit_reps", config.commitReps());
    results.addJsonOnly("config.appends_per_writer", config.appendsPerWriter());
    results.addJsonOnly("config.concurrent_reps", config.concurrentReps());
    results.addJsonOnly("machine.cores", before.cores());
    results.addJsonOnly("machine.memory_gib", before.memoryGib());
    results.addJsonOnly("machine.java_feature_version", Runtime.version().feature());
    results.addJsonOnly("machine.load_average_start", before.loadAverage());
    results.addJsonOnly("machine.load_average_end", after.loadAverage());
    results.addJsonOnly("run.minutes", minutes);
  }

  private static String header(BenchConfig config, Machine machine, Machine after, double minutes) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Tidemark benchmarks").append(config.quick() ? " (QUICK MODE)" : "").append("\n\n");
    if (config.quick()) {
      sb.append("**Quick mode**: scaled down to ").append(String.format("%,d", config.rows())).append(" rows (")
          .append(config.appends()).append(" appends of ").append(String.format("%,d", config.rowsPerAppend()))
          .append(") instead of 2,000,000, ").append(config.reps()).append(" repetitions instead of ")
          .append(BenchConfig.fullMode().reps()).append(", ").append(config.commitAppends())
          .append(" single-writer commits instead of ").append(BenchConfig.fullMode().commitAppends()).append(", ")
          .append(config.commitReps()).append(" repetitions of each commit workload instead of ")
          .append(BenchConfig.fullMode().commitReps())
          .append(". Indicative only; run without --quick for the figures of record.\n\n");
    }
    sb.append("- machine: ").append(machine.summary()).append("; load average ")
        .append(String.format("%.2f at start, %.2f at end", machine.loadAverage(), after.loadAverage()))
        .append(" (other processes may share the machine)\n");
    sb.append("- data: ").append(String.format("%,d", config.rows())).append(" rows of `")
        .append("id long, ts timestamp, category string (100 distinct), value double, payload string (~32 chars)`, "
            + "timestamps over 30 days in time order, seed ").append(Dataset.SEED).append(", generated before timing\n");
    sb.append("- codec: **").append(WriteWorkload.CODEC).append("** on both sides; baseline: parquet-hadoop ")
        .append(Version.VERSION_NUMBER).append(" `ParquetWriter` / `ParquetReader` with a minimal WriteSupport / "
            + "ReadSupport (not Group records), parquet-hadoop's own codec factory, local files\n");
    sb.append("- repetitions: ").append(config.reps()).append(" measured (write, scan: each side in ")
        .append(config.sideForks()).append(" JVM(s) of its own, ").append(config.warmups())
        .append(" warm-up in each), ").append(config.warmups()).append(" + ").append(config.commitReps())
        .append(" (single-writer commits), ").append(config.warmups()).append(" + ").append(config.concurrentReps())
        .append(" (each concurrent level); median and min – max over the measured ones; per-operation figures "
            + "(micro.*) by JMH in forked JVMs, median and min – max over their measured iterations\n");
    sb.append(String.format("- run time: %.1f minutes%n%n", minutes));
    return sb.toString();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      usage(option + " needs a value");
    }
    return args[i];
  }

  private static final String USAGE = """
      usage: tidemark-bench [--quick] [--only write,scan,commit,metadata,scale,micro,smallscan] [--out FILE] [--work-dir DIR]
        --quick      scaled-down run (under 3 minutes on 2 cores); figures are indicative only
        --only       run only these workloads (scan implies write)
        --out        where to write the JSON figures (default table-bench/target/bench-results.json)
        --work-dir   where the scratch tables go (default java.io.tmpdir); deleted afterwards""";

  private static void usage(String message) {
    System.err.println("tidemark-bench: " + message);
    System.err.println(USAGE);
    System.exit(2);
  }

  /** What the run ran on. */
  record Machine(int cores, double memoryGib, double loadAverage, String jvm, String os) {
    static Machine describe() {
      double memory = Double.NaN;
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        memory = os.getTotalMemorySize() / (double) (1L << 30);
      }
      return new Machine(Runtime.getRuntime().availableProcessors(), memory,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          System.getProperty("java.vm.name") + " " + Runtime.version() + " (max heap "
              + Runtime.getRuntime().maxMemory() / (1L << 20) + " MiB)",
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    String summary() {
      return String.format("%d cores, %.1f GiB memory, %s, %s", cores, memoryGib, jvm, os);
    }
  }
}

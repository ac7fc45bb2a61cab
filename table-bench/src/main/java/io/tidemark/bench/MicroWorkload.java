package io.tidemark.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Workload 5: per-operation costs, measured with JMH in forked JVMs: one small append's data file
 * (Tidemark against parquet-hadoop, {@link SmallFileBenchmark}) and one small append's commit
 * file, encoded and decoded ({@link CommitCodecBenchmark}). Each figure is the median over all
 * measured iterations of all forks, with min – max; JMH's own progress goes to standard error.
 */
final class MicroWorkload {
  private final BenchConfig config;
  private final Progress progress;

  MicroWorkload(BenchConfig config, Progress progress) {
    this.config = config;
    this.progress = progress;
  }

  void run(Results results) throws RunnerException {
    progress.line("micro: JMH, " + forks() + " fork(s) per benchmark");
    Options options = new OptionsBuilder()
        .include(SmallFileBenchmark.class.getName() + "\\.")
        .include(CommitCodecBenchmark.class.getName() + "\\.")
        .forks(forks())
        // Tidemark's small-file path took 6 to 7 s to reach its steady speed (600-1,000 µs per
        // file before, 60 after): fewer warm-up seconds measured the JIT, not the writer
        .warmupIterations(config.quick() ? 6 : 10)
        .warmupTime(TimeValue.milliseconds(1000))
        .measurementIterations(config.quick() ? 3 : 8)
        .measurementTime(TimeValue.milliseconds(config.quick() ? 500 : 1000))
        .jvmArgs("-Xms1g", "-Xmx1g")
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> runs =
        new Runner(options, OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
    double[] tidemark = iterations(runs, SmallFileBenchmark.class, "tidemark");
    double[] parquet = iterations(runs, SmallFileBenchmark.class, "parquet");
    results.add("micro.small_file.tidemark_us", tidemark, "µs",
        "one 100-row data file of the benchmark schema, Tidemark DataFileWriter (statistics included), bytes discarded");
    results.add("micro.small_file.parquet_us", parquet, "µs",
        "the same rows, parquet-hadoop ParquetWriter, bytes discarded");
    results.add("micro.small_file.ratio_vs_parquet", Stats.median(parquet) / Stats.median(tidemark), "×",
        "parquet-hadoop µs ÷ Tidemark µs (medians): above 1, Tidemark writes a small append's file faster");
    results.add("micro.commit.encode_us", iterations(runs, CommitCodecBenchmark.class, "encode"), "µs",
        "encoding a small append's commit file (commitInfo and one add with statistics of 5 columns)");
    results.add("micro.commit.decode_us", iterations(runs, CommitCodecBenchmark.class, "decode"), "µs",
        "decoding and checking the same commit file, as a catching-up writer or a replaying reader does");
  }

  private int forks() {
    return config.quick() ? 1 : 2;
  }

  /** The scores of every measured iteration of one benchmark method, in microseconds. */
  private static double[] iterations(Collection<RunResult> runs, Class<?> type, String method) {
    String name = type.getName() + "." + method;
    List<Double> scores = new ArrayList<>();
    for (RunResult run : runs) {
      if (!run.getParams().getBenchmark().equals(name)) {
        continue;
      }
      if (run.getParams().getTimeUnit() != TimeUnit.MICROSECONDS) {
        throw new IllegalStateException(name + " is not measured in microseconds");
      }
      for (BenchmarkResult fork : run.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          scores.add(iteration.getPrimaryResult().getScore());
        }
      }
    }
    if (scores.isEmpty()) {
      throw new IllegalStateException("JMH returned no result for " + name);
    }
    return scores.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

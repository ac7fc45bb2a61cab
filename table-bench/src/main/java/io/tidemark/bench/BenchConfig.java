package io.tidemark.bench;

/**
 * How big each workload is and how often it is repeated.
 *
 * @param quick whether this is the scaled-down mode
 * @param rows rows written by the write workload (and read by the scan workload)
 * @param appends appends (and so data files) the rows are written in
 * @param warmups untimed repetitions of each whole workload before the measured ones
 * @param reps measured repetitions of the write and scan workloads
 * @param commitAppends appends of the single-writer commit workload
 * @param smallRows rows in each small append of the commit workloads
 * @param commitReps measured repetitions of the single-writer commit workload
 * @param writers numbers of concurrent writers
 * @param appendsPerWriter appends each concurrent writer makes
 * @param concurrentReps measured repetitions of each concurrent level
 */
record BenchConfig(boolean quick, int rows, int appends, int warmups, int reps, int commitAppends, int smallRows,
    int commitReps, int[] writers, int appendsPerWriter, int concurrentReps) {

  /** The workloads as the issue defines them. */
  static BenchConfig fullMode() {
    return new BenchConfig(false, 2_000_000, 20, 1, 9, 200, 100, 5, new int[] {1, 2, 4, 8}, 25, 5);
  }

  /** Scaled down to finish within three minutes on two cores: fewer rows and repetitions. */
  static BenchConfig quickMode() {
    return new BenchConfig(true, 400_000, 20, 2, 4, 100, 100, 2, new int[] {1, 2, 4, 8}, 25, 2);
  }

  int rowsPerAppend() {
    return rows / appends;
  }

  /**
   * Fresh JVMs each side of the write and scan workloads gets over a run ({@link SideProcess}):
   * the JIT compiles a JVM's hot paths one way or another, and on one build a side's speed
   * differed by up to 30% from one JVM to the next; the measured repetitions are shared out
   * among the JVMs, each with its own warm-ups.
   */
  int sideForks() {
    return quick ? 1 : 3;
  }

  /** Runs of each side in the write and scan workloads, warm-ups included. */
  int sideRuns() {
    return sideForks() * (warmups + sideRepsPerFork());
  }

  private int sideRepsPerFork() {
    if (reps % sideForks() != 0) {
      throw new IllegalStateException(reps + " repetitions cannot be shared out among " + sideForks() + " JVMs");
    }
    return reps / sideForks();
  }

  /** Whether side run {@code run} starts in fresh JVMs. */
  boolean startsSideFork(int run) {
    return run % (warmups + sideRepsPerFork()) == 0;
  }

  /** The measured repetition that side run {@code run} is, or -1 for a warm-up. */
  int measuredSideRep(int run) {
    int perFork = warmups + sideRepsPerFork();
    int within = run % perFork;
    return within < warmups ? -1 : run / perFork * sideRepsPerFork() + within - warmups;
  }

  /** How side run {@code run} is shown in progress lines. */
  String sideRunLabel(int run) {
    int fork = run / (warmups + sideRepsPerFork()) + 1;
    int rep = measuredSideRep(run);
    return "JVM " + fork + ", " + (rep < 0 ? "warm-up" : "rep " + (rep + 1));
  }
}

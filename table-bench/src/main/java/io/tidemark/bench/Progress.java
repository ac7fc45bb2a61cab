package io.tidemark.bench;

import java.io.PrintStream;

/** Progress lines on standard error, so that standard output holds only the report. */
final class Progress {
  private final PrintStream out;
  private final long start = System.nanoTime();

  Progress(PrintStream out) {
    this.out = out;
  }

  void step(String workload, int index, int warmups, String detail) {
    String label = index < warmups ? "warm-up " + (index + 1) : "rep " + (index - warmups + 1);
    line(workload + " " + label + ": " + detail);
  }

  void line(String text) {
    out.printf("[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, text);
    out.flush();
  }
}

package io.tidemark.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time and the process's CPU time (every JVM thread: the workload's, GC's and the JIT's). On
 * a shared machine the wall time of a run depends on what else runs; its CPU time much less, so
 * the workloads report a CPU-time ratio beside the wall-time one.
 */
final class Clock {
  private static final com.sun.management.OperatingSystemMXBean OS =
      ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os : null;

  private final long wallStart;
  private final long cpuStart;

  private Clock() {
    this.cpuStart = cpuNanos();
    this.wallStart = System.nanoTime();
  }

  /** Starts measuring. */
  static Clock start() {
    return new Clock();
  }

  /** Wall seconds since the start. */
  double wallSeconds() {
    return (System.nanoTime() - wallStart) / 1e9;
  }

  /** CPU seconds of the process since the start, or NaN where the JVM does not tell. */
  double cpuSeconds() {
    long now = cpuNanos();
    return now < 0 || cpuStart < 0 ? Double.NaN : (now - cpuStart) / 1e9;
  }

  private static long cpuNanos() {
    return OS == null ? -1 : OS.getProcessCpuTime();
  }
}

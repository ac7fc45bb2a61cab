package io.tidemark.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The side JVMs of a run ({@link SideProcess}), started when first needed and ended together. */
final class Sides implements AutoCloseable {
  /** Tidemark's library: appends, scans. */
  static final String TIDEMARK = "tidemark";
  /** parquet-hadoop's writer and reader. */
  static final String PARQUET = "parquet";
  /** parquet-hadoop's writer forcing each file to disk on close. */
  static final String PARQUET_FSYNC = "parquet-fsync";

  private final BenchConfig config;
  private final Progress progress;
  private final Map<String, SideProcess> started = new LinkedHashMap<>();

  Sides(BenchConfig config, Progress progress) {
    this.config = config;
    this.progress = progress;
  }

  SideProcess get(String engine) {
    return started.computeIfAbsent(engine, e -> {
      progress.line("starting the " + e + " side in a JVM of its own");
      return SideProcess.start(e, config);
    });
  }

  /** Ends the side JVMs; the next {@link #get} of each starts a fresh one. */
  void restart() {
    close();
  }

  @Override
  public void close() {
    for (SideProcess side : started.values()) {
      side.close();
    }
    started.clear();
  }
}

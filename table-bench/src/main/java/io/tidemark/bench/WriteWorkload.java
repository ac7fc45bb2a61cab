package io.tidemark.bench;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Workload 1: the rows written in {@code appends} appends, one commit each, against parquet-hadoop
 * writing the same rows into the same number of files (through parquet's own {@link LocalOutputFile}),
 * and, to separate the cost of durability, parquet-hadoop forcing each file to disk on close. Each
 * side writes in a JVM of its own ({@link SideProcess}). Each repetition writes a fresh table and
 * fresh directories; the sides take turns going first. The table of the last repetition is
 * kept for the scan workload.
 */
final class WriteWorkload {
  /** The codec both sides use. */
  static final String CODEC = "snappy";
  static final CompressionCodecName PARQUET_CODEC = CompressionCodecName.SNAPPY;

  private final BenchConfig config;
  private final Dirs dirs;
  private final Progress progress;
  private final Sides sides;

  WriteWorkload(BenchConfig config, Dirs dirs, Progress progress, Sides sides) {
    this.config = config;
    this.dirs = dirs;
    this.progress = progress;
    this.sides = sides;
  }

  /** One side's repetition: seconds taken, and what it wrote. */
  record Run(double seconds, double cpuSeconds, long files, long bytes, Path location) {}

  /** Runs the workload, adds its figures, and returns the location of the table kept for scanning. */
  Path run(Results results) throws IOException {
    int total = config.sideRuns();
    double[] tidemark = new double[config.reps()];
    double[] parquet = new double[config.reps()];
    double[] ratio = new double[config.reps()];
    double[] cpuRatio = new double[config.reps()];
    double[] synced = new double[config.reps()];
    double[] syncedRatio = new double[config.reps()];
    Run lastTidemark = null;
    Run lastParquet = null;
    for (int i = 0; i < total; i++) {
      if (config.startsSideFork(i)) {
        sides.restart();
      }
      int m = config.measuredSideRep(i);
      Run[] runs = new Run[3];
      for (int k = 0; k < 3; k++) {
        int side = (i + k) % 3; // each side goes first, second and third in turn
        runs[side] = write(side == 0 ? Sides.TIDEMARK : side == 1 ? Sides.PARQUET : Sides.PARQUET_FSYNC);
      }
      Run t = runs[0];
      Run p = runs[1];
      Run ps = runs[2];
      progress.line("write " + config.sideRunLabel(i) + String.format(": tidemark %.2f s, parquet %.2f s, parquet+fsync %.2f s",
          t.seconds, p.seconds, ps.seconds));
      if (lastTidemark != null) {
        Dirs.delete(lastTidemark.location());
      }
      Dirs.delete(p.location());
      Dirs.delete(ps.location());
      lastTidemark = t;
      lastParquet = p;
      if (m >= 0) {
        tidemark[m] = config.rows() / t.seconds();
        parquet[m] = config.rows() / p.seconds();
        ratio[m] = tidemark[m] / parquet[m];
        cpuRatio[m] = p.cpuSeconds() / t.cpuSeconds();
        synced[m] = config.rows() / ps.seconds();
        syncedRatio[m] = tidemark[m] / synced[m];
      }
    }
    results.add("write.ratio_vs_parquet", ratio, "×", "Tidemark rows/s ÷ parquet-hadoop rows/s, per repetition pair (≥ 0.95 is the target)");
    results.add("write.cpu_ratio_vs_parquet", cpuRatio, "×", "parquet-hadoop CPU seconds ÷ Tidemark CPU seconds "
        + "(process CPU time, all threads): the same ratio, less sensitive to other load on the machine");
    results.add("write.tidemark_rows_per_s", tidemark, "rows/s", config.rows() + " rows in " + config.appends()
        + " appends of " + config.rowsPerAppend() + ", one commit each");
    results.add("write.parquet_rows_per_s", parquet, "rows/s", "the same rows, parquet-hadoop ParquetWriter, "
        + config.appends() + " files");
    results.add("write.ratio_vs_parquet_fsync", syncedRatio, "×", "Tidemark ÷ parquet-hadoop forcing each file to disk "
        + "on close as Tidemark does before it commits: the ratio without the cost of durability");
    results.add("write.parquet_fsync_rows_per_s", synced, "rows/s", "parquet-hadoop, each file forced to disk on close");
    results.add("write.tidemark_files", lastTidemark.files(), "files", "data files Tidemark wrote");
    results.add("write.parquet_files", lastParquet.files(), "files", "files parquet-hadoop wrote");
    results.add("write.tidemark_bytes", lastTidemark.bytes(), "bytes", "size of Tidemark's data files");
    results.add("write.parquet_bytes", lastParquet.bytes(), "bytes", "size of parquet-hadoop's files");
    return lastTidemark.location();
  }

  /** One repetition of one side, in that side's JVM, into a fresh directory. */
  private Run write(String engine) {
    Path location = dirs.fresh("write-" + engine);
    String[] r = sides.get(engine).call("write", location.toString());
    return new Run(Double.parseDouble(r[0]), Double.parseDouble(r[1]), Long.parseLong(r[2]), Long.parseLong(r[3]),
        location);
  }

  /** Tidemark's side (run by {@link SideWorker}): the rows in {@code appends} appends to a new table. */
  static Run writeTidemark(Record[] rows, int appends, Path location) {
    Table table = Tables.create(location.toString(), Dataset.SCHEMA, Map.of(TableProperties.COMPRESSION, CODEC));
    int per = rows.length / appends;
    Quiesce.settleIo();
    Clock clock = Clock.start();
    for (int a = 0; a < appends; a++) {
      try (AppendWriter writer = table.newAppend()) {
        int end = a == appends - 1 ? rows.length : (a + 1) * per;
        for (int i = a * per; i < end; i++) {
          writer.write(rows[i]);
        }
        writer.commit();
      }
    }
    double seconds = clock.wallSeconds();
    double cpu = clock.cpuSeconds();
    var files = table.refresh().dataFiles();
    if (table.refresh().recordCount() != rows.length) {
      throw new IllegalStateException("Tidemark table holds " + table.refresh().recordCount() + " rows, expected " + rows.length);
    }
    return new Run(seconds, cpu, files.size(), files.stream().mapToLong(DataFile::fileSizeBytes).sum(), location);
  }

  /**
   * parquet-hadoop's side (run by {@link SideWorker}): the rows into {@code appends} files in a new
   * directory, each forced to disk on close when {@code sync}.
   */
  static Run writeParquet(Record[] rows, int appends, Path dir, boolean sync) throws IOException {
    Files.createDirectories(dir);
    int per = rows.length / appends;
    Quiesce.settleIo();
    Clock clock = Clock.start();
    for (int a = 0; a < appends; a++) {
      int end = a == appends - 1 ? rows.length : (a + 1) * per;
      Path file = dir.resolve("part-" + a + ".parquet");
      ParquetBaseline.write(sync ? new SyncedOutputFile(file) : new LocalOutputFile(file), rows, a * per, end, PARQUET_CODEC);
    }
    double seconds = clock.wallSeconds();
    double cpu = clock.cpuSeconds();
    long bytes = 0;
    long files = 0;
    try (var list = Files.list(dir)) {
      for (Path f : (Iterable<Path>) list::iterator) {
        bytes += Files.size(f);
        files++;
      }
    }
    return new Run(seconds, cpu, files, bytes, dir);
  }
}

package io.tidemark.bench;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.spec.partition.PartitionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.io.LocalInputFile;

/**
 * Workload 6 (issue 18): scans of many small files. The benchmark's rows go into a table
 * partitioned by {@code day(ts)} in {@link #COMMITS} appends, each taking every {@code COMMITS}-th
 * row so that it spans all 30 days and writes one small file per day: 600 files in all (about
 * 3,300 rows each at 2,000,000 rows), as streaming ingest leaves a table. Written once, untimed.
 *
 * <p>Read back in side JVMs ({@link SideProcess}): all rows, and the rows of one day through
 * {@code Scan.filter} (a ts range), by Tidemark reading one file at a time and with two threads
 * ({@code Scan.parallelism}); and by parquet-hadoop's reader ({@link ParquetBaseline}), one
 * thread, over the very same data files: every file for the full scan, and for the day the files
 * of that day's partition directory only, listed in the timed part and read without a filter
 * (the physical limit of a Hive-style layout: every row there matches). Both sides checksum every
 * value; the checksums must agree with the generated rows.
 */
final class SmallScanWorkload {
  /** Appends the table is written in. */
  static final int COMMITS = 20;
  /** The day (0-based, of the 30) the filtered scan reads. */
  static final int DAY = ScanWorkload.DAY;
  /** Threads of Tidemark's parallel scans. */
  static final int THREADS = 2;
  /**
   * Times each timed one-day read is done over: one read of a day's 20 files takes a few
   * milliseconds, too short for the process CPU clock and the shared machine.
   */
  static final int DAY_PASSES = 10;

  private final BenchConfig config;
  private final Dataset data;
  private final Dirs dirs;
  private final Progress progress;
  private final Sides sides;

  SmallScanWorkload(BenchConfig config, Dataset data, Dirs dirs, Progress progress, Sides sides) {
    this.config = config;
    this.data = data;
    this.dirs = dirs;
    this.progress = progress;
    this.sides = sides;
  }

  void run(Results results) throws IOException {
    Path location = dirs.fresh("smallscan");
    Table table = write(data.rows, location);
    List<DataFile> files = List.copyOf(table.refresh().dataFiles());
    Instant from = Dataset.dayStart(DAY);
    Instant to = Dataset.dayStart(DAY + 1);
    List<String> dayDirs = table.newScan().filter(ScanWorkload.dayFilterExpression(from, to)).plan().files().stream()
        .map(f -> location.resolve(f.path()).getParent().toString()).distinct().toList();
    if (dayDirs.size() != 1) {
      throw new IllegalStateException("the day's files are in " + dayDirs.size() + " directories, expected 1");
    }
    ScanWorkload.Expected expected = ScanWorkload.Expected.of(data, from, to);
    long allChecksum = expected.allChecksum();
    long dayRows = expected.dayRows();
    long dayChecksum = expected.dayChecksum();
    List<String> allArgs = new ArrayList<>(List.of("smallscan-all", location.toString(), "1"));
    for (DataFile f : files) {
      allArgs.add(location.resolve(f.path()).toString());
    }
    long dayFiles;
    try (Stream<Path> list = Files.list(Path.of(dayDirs.get(0)))) {
      dayFiles = list.count();
    }
    progress.line(String.format("smallscan: %d files, %d in the day's directory", files.size(), dayFiles));

    String[] kinds = {"all", "day"};
    int reps = config.reps();
    double[][] ratio = new double[2][reps];
    double[][] ratioPar = new double[2][reps];
    double[][] cpu = new double[2][reps];
    double[][] cpuPar = new double[2][reps];
    double[][] tRate = new double[2][reps];
    double[][] tParRate = new double[2][reps];
    double[][] pRate = new double[2][reps];
    for (int i = 0; i < config.sideRuns(); i++) {
      if (config.startsSideFork(i)) {
        sides.restart();
      }
      int m = config.measuredSideRep(i);
      StringBuilder line = new StringBuilder("smallscan " + config.sideRunLabel(i) + ":");
      for (int k = 0; k < 2; k++) {
        boolean day = k == 1;
        long rows = day ? dayRows * DAY_PASSES : data.rows.length;
        long sum = day ? dayChecksum * DAY_PASSES : allChecksum;
        List<String> args = new ArrayList<>(allArgs);
        args.set(0, "smallscan-" + kinds[k]);
        if (day) {
          args.subList(3, args.size()).clear();
          args.add(dayDirs.get(0));
        }
        ScanWorkload.Read[] reads = new ScanWorkload.Read[3];
        for (int s = 0; s < 3; s++) {
          int side = (i + s) % 3; // each side goes first, second and third in turn
          List<String> words = new ArrayList<>(args);
          if (side == 2) {
            words.set(2, Integer.toString(THREADS));
          }
          String[] r = sides.get(side == 1 ? Sides.PARQUET : Sides.TIDEMARK).call(words.toArray(new String[0]));
          ScanWorkload.Read read = new ScanWorkload.Read(Double.parseDouble(r[0]), Double.parseDouble(r[1]),
              Long.parseLong(r[2]), Long.parseLong(r[3]));
          if (read.rows() != rows || read.checksum() != sum) {
            throw new IllegalStateException("smallscan-" + kinds[k] + " side " + side + " returned " + read.rows()
                + " rows (checksum " + read.checksum() + "), expected " + rows + " (checksum " + sum + ")");
          }
          reads[side] = read;
        }
        line.append(String.format(" %s: tidemark %.3f s, %d threads %.3f s, parquet %.3f s;", kinds[k],
            reads[0].seconds(), THREADS, reads[2].seconds(), reads[1].seconds()));
        if (m >= 0) {
          tRate[k][m] = rows / reads[0].seconds();
          tParRate[k][m] = rows / reads[2].seconds();
          pRate[k][m] = rows / reads[1].seconds();
          ratio[k][m] = tRate[k][m] / pRate[k][m];
          ratioPar[k][m] = tParRate[k][m] / pRate[k][m];
          cpu[k][m] = reads[1].cpuSeconds() / reads[0].cpuSeconds();
          cpuPar[k][m] = reads[1].cpuSeconds() / reads[2].cpuSeconds();
        }
      }
      progress.line(line.toString());
    }
    String[] what = {"full scan of " + files.size() + " small files, all columns",
        "one-day scan (ts range, " + dayFiles + " files of that day)"};
    for (int k = 0; k < 2; k++) {
      String p = "smallscan." + kinds[k];
      results.add(p + ".ratio_vs_parquet", ratio[k], "×", what[k] + ": Tidemark (1 thread) rows/s ÷ parquet-hadoop "
          + "rows/s (≥ 0.9 is the target)");
      results.add(p + ".cpu_ratio_vs_parquet", cpu[k], "×", "the same: parquet-hadoop CPU s ÷ Tidemark CPU s");
      results.add(p + ".ratio_" + THREADS + "_threads_vs_parquet", ratioPar[k], "×", "Tidemark with "
          + THREADS + " threads ÷ parquet-hadoop (1 thread); on a machine shared with other work, more threads also "
          + "get a larger share of the cores");
      results.add(p + ".cpu_ratio_" + THREADS + "_threads_vs_parquet", cpuPar[k], "×", "the same: parquet-hadoop CPU s "
          + "÷ Tidemark CPU s with " + THREADS + " threads (what handing rows between threads costs)");
      results.add(p + ".tidemark_rows_per_s", tRate[k], "rows/s", "Tidemark, 1 thread");
      results.add(p + ".tidemark_" + THREADS + "_threads_rows_per_s", tParRate[k], "rows/s", "Tidemark, "
          + THREADS + " threads");
      results.add(p + ".parquet_rows_per_s", pRate[k], "rows/s", k == 0 ? "parquet-hadoop over every file"
          : "parquet-hadoop over the day directory's files (listed), no filter");
    }
    results.add("smallscan.files", files.size(), "files", "data files in the table");
    results.add("smallscan.day.rows", dayRows, "rows", "rows in that day (every side returned exactly these)");
  }

  /** The rows into a new day-partitioned table, {@link #COMMITS} appends each spanning all the days. */
  static Table write(Record[] rows, Path location) {
    Table table = Tables.create(location.toString(), Dataset.SCHEMA,
        PartitionSpec.builderFor(Dataset.SCHEMA).day("ts").build(),
        Map.of(TableProperties.COMPRESSION, WriteWorkload.CODEC));
    for (int c = 0; c < COMMITS; c++) {
      try (AppendWriter writer = table.newAppend()) {
        for (int i = c; i < rows.length; i += COMMITS) {
          writer.write(rows[i]);
        }
        writer.commit();
      }
    }
    return table;
  }

  /** Tidemark's side: all rows ({@code day} false) or the day's, with {@code threads} threads. */
  static ScanWorkload.Read tidemark(Table table, boolean day, int threads) {
    Quiesce.settle();
    Clock clock = Clock.start();
    long rows = 0;
    long sum = 0;
    for (int pass = 0; pass < (day ? DAY_PASSES : 1); pass++) {
      var scan = threads > 1 ? table.newScan().parallelism(threads) : table.newScan();
      if (day) {
        scan = scan.filter(ScanWorkload.dayFilterExpression(Dataset.dayStart(DAY), Dataset.dayStart(DAY + 1)));
      }
      try (CloseableIterable<Record> records = scan.records()) {
        for (Record r : records) {
          rows++;
          sum += Dataset.checksum(r);
        }
      }
    }
    return new ScanWorkload.Read(clock.wallSeconds(), clock.cpuSeconds(), rows, sum);
  }

  /** parquet-hadoop's side: these files, or the files of this one directory (listed in the timed part). */
  static ScanWorkload.Read parquet(List<Path> filesOrDir) throws IOException {
    Quiesce.settle();
    Clock clock = Clock.start();
    List<Path> files = filesOrDir;
    boolean directory = filesOrDir.size() == 1 && Files.isDirectory(filesOrDir.get(0));
    ParquetBaseline.Tally tally = new ParquetBaseline.Tally();
    for (int pass = 0; pass < (directory ? DAY_PASSES : 1); pass++) {
      if (directory) {
        try (Stream<Path> list = Files.list(filesOrDir.get(0))) {
          files = list.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
      }
      for (Path f : files) {
        ParquetBaseline.read(new LocalInputFile(f), null, tally);
      }
    }
    return new ScanWorkload.Read(clock.wallSeconds(), clock.cpuSeconds(), tally.rows, tally.checksum);
  }
}

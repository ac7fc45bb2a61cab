package io.tidemark.bench;

import io.tidemark.core.DataFile;
import io.tidemark.core.PlanMetrics;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.io.LocalFileIO;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * Workload 2: reading the table written by the write workload back, all rows and the rows of one
 * day, against parquet-hadoop's reader over the very same data files. Tidemark's one-day read is a
 * filtered scan (the planner prunes files and row groups); a plain Parquet reader has no table
 * metadata, so it opens every file and lets its row-group statistics and column indexes skip what
 * they can. Both sides read every column and checksum every value; the checksums must agree.
 * Each side reads in a JVM of its own ({@link SideProcess}). Files and row groups opened are
 * counted in a separate untimed pass (see {@link ReadTracker}).
 */
final class ScanWorkload {
  /** The day (0-based, of the 30) the filtered scan reads. */
  static final int DAY = 15;

  /**
   * Tidemark's one-day read goes through the scan planner ({@code Scan.filter}): it prunes files
   * by their column statistics and row groups by theirs, then applies the filter to the rows that
   * remain. The rows returned are checked against the rows of that day in the generated data.
   */
  static Expression dayFilterExpression(Instant from, Instant to) {
    return Expressions.and(Expressions.greaterThanOrEqual("ts", from), Expressions.lessThan("ts", to));
  }

  private final BenchConfig config;
  private final Dataset data;
  private final Progress progress;
  private final Sides sides;

  ScanWorkload(BenchConfig config, Dataset data, Progress progress, Sides sides) {
    this.config = config;
    this.data = data;
    this.progress = progress;
    this.sides = sides;
  }

  /**
   * What a correct read returns: the checksum of all rows, and the rows of [from, to) and theirs.
   */
  record Expected(long allChecksum, long dayRows, long dayChecksum) {
    static Expected of(Dataset data, Instant from, Instant to) {
      long all = 0;
      long rows = 0;
      long day = 0;
      for (Record r : data.rows) {
        long c = Dataset.checksum(r);
        all += c;
        Instant ts = (Instant) r.get(Dataset.TS);
        if (!ts.isBefore(from) && ts.isBefore(to)) {
          rows++;
          day += c;
        }
      }
      return new Expected(all, rows, day);
    }
  }

  /** Rows seen and their checksum. */
  record Read(double seconds, double cpuSeconds, long rows, long checksum) {}

  void run(Path location, Results results) throws IOException {
    Table table = Tables.open(location.toString());
    List<Path> files = new ArrayList<>();
    for (DataFile f : table.refresh().dataFiles()) {
      files.add(location.resolve(f.path()));
    }
    Instant from = Dataset.dayStart(DAY);
    Instant to = Dataset.dayStart(DAY + 1);
    Expected expected = Expected.of(data, from, to);
    long expectedAll = expected.allChecksum();
    long expectedDay = expected.dayRows();
    long dayChecksum = expected.dayChecksum();
    FilterCompat.Filter dayFilter = dayFilter(from, to);
    List<String> fileArgs = new ArrayList<>();
    for (Path f : files) {
      fileArgs.add(f.toString());
    }

    int total = config.sideRuns();
    double[] tAll = new double[config.reps()];
    double[] pAll = new double[config.reps()];
    double[] rAll = new double[config.reps()];
    double[] cAll = new double[config.reps()];
    double[] tDay = new double[config.reps()];
    double[] pDay = new double[config.reps()];
    double[] rDay = new double[config.reps()];
    for (int i = 0; i < total; i++) {
      if (config.startsSideFork(i)) {
        sides.restart();
      }
      boolean tidemarkFirst = i % 2 == 0;
      Read ta;
      Read pa;
      if (tidemarkFirst) {
        ta = check("Tidemark full scan", read(Sides.TIDEMARK, "scan-all", location, fileArgs), data.rows.length, expectedAll);
        pa = check("parquet-hadoop full scan", read(Sides.PARQUET, "scan-all", location, fileArgs), data.rows.length, expectedAll);
      } else {
        pa = check("parquet-hadoop full scan", read(Sides.PARQUET, "scan-all", location, fileArgs), data.rows.length, expectedAll);
        ta = check("Tidemark full scan", read(Sides.TIDEMARK, "scan-all", location, fileArgs), data.rows.length, expectedAll);
      }
      Read td;
      Read pd;
      if (tidemarkFirst) {
        td = check("Tidemark one-day scan", read(Sides.TIDEMARK, "scan-day", location, fileArgs), expectedDay, dayChecksum);
        pd = check("parquet-hadoop one-day scan", read(Sides.PARQUET, "scan-day", location, fileArgs), expectedDay, dayChecksum);
      } else {
        pd = check("parquet-hadoop one-day scan", read(Sides.PARQUET, "scan-day", location, fileArgs), expectedDay, dayChecksum);
        td = check("Tidemark one-day scan", read(Sides.TIDEMARK, "scan-day", location, fileArgs), expectedDay, dayChecksum);
      }
      progress.line("scan " + config.sideRunLabel(i) + String.format(
          ": all: tidemark %.2f s, parquet %.2f s; day: tidemark %.3f s, parquet %.3f s",
          ta.seconds, pa.seconds, td.seconds, pd.seconds));
      int m = config.measuredSideRep(i);
      if (m >= 0) {
        tAll[m] = ta.rows / ta.seconds;
        pAll[m] = pa.rows / pa.seconds;
        rAll[m] = tAll[m] / pAll[m];
        cAll[m] = pa.cpuSeconds / ta.cpuSeconds;
        tDay[m] = td.rows / td.seconds;
        pDay[m] = pd.rows / pd.seconds;
        rDay[m] = tDay[m] / pDay[m];
      }
    }
    results.add("scan.ratio_vs_parquet", rAll, "×", "full scan, all columns: Tidemark rows/s ÷ parquet-hadoop rows/s (≥ 0.9 is the target)");
    results.add("scan.cpu_ratio_vs_parquet", cAll, "×", "full scan: parquet-hadoop CPU seconds ÷ Tidemark CPU seconds "
        + "(process CPU time)");
    results.add("scan.tidemark_rows_per_s", tAll, "rows/s", "Tidemark full scan of " + data.rows.length + " rows");
    results.add("scan.parquet_rows_per_s", pAll, "rows/s", "parquet-hadoop ParquetReader over the same files");
    results.add("scan.day.ratio_vs_parquet", rDay, "×", "rows of one day (day " + DAY + " of 30), all columns: "
        + "Tidemark Scan.filter ÷ parquet-hadoop with the same range as a FilterPredicate");
    results.add("scan.day.tidemark_rows_per_s", tDay, "rows/s", "matching rows returned per second, Tidemark");
    results.add("scan.day.parquet_rows_per_s", pDay, "rows/s",
        "matching rows per second, parquet-hadoop with a ts range FilterPredicate");
    results.add("scan.day.rows", expectedDay, "rows", "rows in that day (both sides returned exactly these)");

    // The untimed accounting pass: what each side opened and read.
    ReadTracker tracker = new ReadTracker();
    for (Path f : files) {
      tracker.register(f);
    }
    Table tracked = Tables.open(tracker.wrap(new LocalFileIO()), location.toString());
    check("Tidemark one-day scan (counted)", tidemarkDay(tracked, from, to), expectedDay, dayChecksum);
    int tFiles = tracker.filesOpened();
    int tGroups = tracker.rowGroupsRead();
    tracker.reset();
    check("parquet-hadoop one-day scan (counted)", parquet(files, dayFilter, tracker), expectedDay, dayChecksum);
    PlanMetrics plan = table.newScan().filter(dayFilterExpression(from, to)).planRowGroups().metrics();
    results.add("scan.day.files_opened", tFiles, "files", "data files Tidemark opened for the one-day read (counted at the FileIO)");
    results.add("scan.day.row_groups_opened", tGroups, "row groups", "row groups Tidemark read bytes of (counted at the FileIO)");
    results.add("scan.day.planned_files", plan.filesMatched(), "files", "files the planner kept (its own metrics)");
    if (plan.rowGroupsMatched() != null) {
      results.add("scan.day.planned_row_groups", plan.rowGroupsMatched(), "row groups", "row groups the planner kept");
    }
    results.add("scan.day.parquet_files_opened", tracker.filesOpened(), "files", "files parquet-hadoop opened (all: it has no table metadata)");
    results.add("scan.day.parquet_row_groups_opened", tracker.rowGroupsRead(), "row groups",
        "row groups parquet-hadoop read bytes of after its statistics filter");
    results.add("scan.day.files_total", tracker.filesTotal(), "files", "data files in the table");
    results.add("scan.day.row_groups_total", tracker.rowGroupsTotal(), "row groups", "row groups in the table");
  }

  /** One timed read in a side's JVM: Tidemark reads the table, parquet-hadoop its data files. */
  private Read read(String engine, String command, Path location, List<String> files) {
    List<String> words = new ArrayList<>(List.of(command, location.toString()));
    words.addAll(files);
    String[] r = sides.get(engine).call(words.toArray(new String[0]));
    return new Read(Double.parseDouble(r[0]), Double.parseDouble(r[1]), Long.parseLong(r[2]), Long.parseLong(r[3]));
  }

  static FilterCompat.Filter dayFilter(Instant from, Instant to) {
    Operators.LongColumn ts = FilterApi.longColumn("ts");
    FilterPredicate p = FilterApi.and(FilterApi.gtEq(ts, micros(from)), FilterApi.lt(ts, micros(to)));
    return FilterCompat.get(p);
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  private static Read check(String what, Read read, long rows, long checksum) {
    if (read.rows != rows || read.checksum != checksum) {
      throw new IllegalStateException(what + " returned " + read.rows + " rows (checksum " + read.checksum
          + "), expected " + rows + " (checksum " + checksum + ")");
    }
    return read;
  }

  static Read tidemarkAll(Table table) {
    Quiesce.settle();
    Clock clock = Clock.start();
    long rows = 0;
    long sum = 0;
    try (CloseableIterable<Record> records = table.newScan().records()) {
      for (Record r : records) {
        rows++;
        sum += Dataset.checksum(r);
      }
    }
    return new Read(clock.wallSeconds(), clock.cpuSeconds(), rows, sum);
  }

  /** The rows of [from, to), through the planner. */
  static Read tidemarkDay(Table table, Instant from, Instant to) {
    Quiesce.settle();
    Clock clock = Clock.start();
    long rows = 0;
    long sum = 0;
    try (CloseableIterable<Record> records = table.newScan().filter(dayFilterExpression(from, to)).records()) {
      for (Record r : records) {
        rows++;
        sum += Dataset.checksum(r);
      }
    }
    return new Read(clock.wallSeconds(), clock.cpuSeconds(), rows, sum);
  }

  static Read parquet(List<Path> files, FilterCompat.Filter filter, ReadTracker tracker) throws IOException {
    Quiesce.settle();
    Clock clock = Clock.start();
    ParquetBaseline.Tally tally = new ParquetBaseline.Tally();
    for (Path f : files) {
      InputFile in = new LocalInputFile(f);
      if (tracker != null) {
        in = tracker.wrap(in, f.toString());
      }
      ParquetBaseline.read(in, filter, tally);
    }
    return new Read(clock.wallSeconds(), clock.cpuSeconds(), tally.rows, tally.checksum);
  }
}

package io.tidemark.bench;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A diagnostic for profiling the scans of {@link SmallScanWorkload} (not part of the run): writes
 * the 600-file table once into {@code <dir>} (when it is not there), then scans it over and over
 * in this one JVM, printing the time of each round, so that a profiler attached for the whole run
 * (JFR: {@code -XX:StartFlightRecording=filename=scan.jfr}) sees mostly the scan.
 *
 * <pre>
 * SmallScanExperiment &lt;dir&gt; &lt;rows&gt; &lt;rounds&gt; &lt;tidemark|parquet&gt; &lt;all|day&gt; [threads]
 * </pre>
 */
final class SmallScanExperiment {
  private SmallScanExperiment() {}

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args[0]);
    int rows = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    boolean tidemark = args[3].equals("tidemark");
    boolean day = args[4].equals("day");
    int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    Path location = dir.resolve("smallscan-" + rows);
    if (!Files.exists(location)) {
      SmallScanWorkload.write(Dataset.generate(rows).rows, location);
    }
    Table table = Tables.open(location.toString());
    List<Path> files = new ArrayList<>();
    if (day) {
      files.add(location.resolve(table.newScan().filter(ScanWorkload.dayFilterExpression(
          Dataset.dayStart(SmallScanWorkload.DAY), Dataset.dayStart(SmallScanWorkload.DAY + 1)))
          .plan().files().get(0).path()).getParent());
    } else {
      table.refresh().dataFiles().forEach(f -> files.add(location.resolve(f.path())));
    }
    for (int r = 0; r < rounds; r++) {
      ScanWorkload.Read read = tidemark ? SmallScanWorkload.tidemark(table, day, threads)
          : SmallScanWorkload.parquet(files);
      System.out.printf("round %d: %.3f s wall, %.3f s cpu, %d rows, %.0f rows/s%n", r, read.seconds(),
          read.cpuSeconds(), read.rows(), read.rows() / read.seconds());
    }
  }
}

package io.tidemark.bench;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.DataWriter;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.LocalFileIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.LocalOutputFile;

/**
 * A diagnostic, not part of the benchmark run: splits the write workload's gap between Tidemark
 * and parquet-hadoop into its parts by running the same rows through variants that differ in one
 * thing each (encoding only, files without fsync, files with fsync, with and without the commit).
 *
 * <pre>
 * java -cp 'table-bench/target/table-bench-0.1.0-SNAPSHOT.jar:table-bench/target/lib/*' \
 *     io.tidemark.bench.WriteBreakdown [rows] [reps] [work-dir] [variant letters, e.g. ABG]
 * </pre>
 */
public final class WriteBreakdown {
  private WriteBreakdown() {}

  interface Variant {
    void run(Path dir) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path parent = Paths.get(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
    int appends = 20;
    Dataset data = Dataset.generate(rows);
    Record[] r = data.rows;
    int per = rows / appends;
    Dirs dirs = Dirs.create(parent);
    Map<String, Variant> variants = new LinkedHashMap<>();
    DiscardingFileIO discard = new DiscardingFileIO();
    variants.put("A parquet-hadoop, in memory (encoding only)", dir -> {
      for (int a = 0; a < appends; a++) {
        ParquetBaseline.write(discard.newOutputFile("m" + a), r, a * per, (a + 1) * per, WriteWorkload.PARQUET_CODEC);
      }
    });
    variants.put("B Tidemark DataWriter, in memory (encoding + stats)", dir -> {
      writeFiles(discard.newTable(TableProperties.COMPRESSION_DEFAULT), r, appends, per);
    });
    variants.put("C parquet-hadoop, local files, no fsync (the benchmark's baseline)", dir -> {
      Files.createDirectories(dir);
      for (int a = 0; a < appends; a++) {
        ParquetBaseline.write(new LocalOutputFile(dir.resolve(a + ".parquet")), r, a * per, (a + 1) * per,
            WriteWorkload.PARQUET_CODEC);
      }
    });
    variants.put("D parquet-hadoop, local files, fsync on close", dir -> {
      Files.createDirectories(dir);
      for (int a = 0; a < appends; a++) {
        ParquetBaseline.write(new SyncedOutputFile(dir.resolve(a + ".parquet")), r, a * per, (a + 1) * per,
            WriteWorkload.PARQUET_CODEC);
      }
    });
    variants.put("E Tidemark DataWriter, local files without fsync, no commit", dir -> {
      // storage whose files are written and closed, never forced; no commit
      writeFiles(Tables.create(new UnforcedFileIO(new LocalFileIO()), dir.toString(), Dataset.SCHEMA, Map.of()), r,
          appends, per);
    });
    variants.put("F Tidemark DataWriter, LocalFileIO (fsync), no commit", dir -> {
      writeFiles(Tables.create(new LocalFileIO(), dir.toString(), Dataset.SCHEMA, Map.of()), r, appends, per);
    });
    variants.put("G Tidemark appends with commits (the benchmark's Tidemark side)", dir -> {
      Table table = Tables.create(dir.toString(), Dataset.SCHEMA, Map.of(TableProperties.COMPRESSION, WriteWorkload.CODEC));
      for (int a = 0; a < appends; a++) {
        try (AppendWriter w = table.newAppend()) {
          for (int i = a * per; i < (a + 1) * per; i++) {
            w.write(r[i]);
          }
          w.commit();
        }
      }
    });
    if (args.length > 3) {
      variants.keySet().removeIf(name -> args[3].indexOf(name.charAt(0)) < 0);
    }
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    Map<String, List<Double>> cpuSeconds = new LinkedHashMap<>();
    for (int rep = -1; rep < reps; rep++) {
      List<String> order = new ArrayList<>(variants.keySet());
      if (rep % 2 != 0) {
        java.util.Collections.reverse(order);
      }
      for (String name : order) {
        Path dir = dirs.fresh("v");
        Quiesce.settleIo();
        Clock clock = Clock.start();
        variants.get(name).run(dir);
        double s = clock.wallSeconds();
        double cpu = clock.cpuSeconds();
        Dirs.delete(dir);
        if (rep >= 0) {
          seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
          cpuSeconds.computeIfAbsent(name, k -> new ArrayList<>()).add(cpu);
        }
      }
      System.err.println("rep " + rep + " done");
    }
    dirs.deleteAll();
    System.out.printf("%d rows in %d files, %d reps; wall and process-CPU seconds, median (min – max)%n", rows, appends, reps);
    for (String name : variants.keySet()) {
      Stats.Summary s = Stats.summarize(seconds.get(name).stream().mapToDouble(Double::doubleValue).toArray());
      Stats.Summary c = Stats.summarize(cpuSeconds.get(name).stream().mapToDouble(Double::doubleValue).toArray());
      System.out.printf("  %-68s wall %6.3f s (%.3f – %.3f)  cpu %6.3f s (%.3f – %.3f)%n", name, s.median(), s.min(), s.max(),
          c.median(), c.min(), c.max());
    }
  }

  /** Writes the rows through {@code appends} data writers of the table, one after another, committing nothing. */
  private static void writeFiles(Table table, Record[] rows, int appends, int per) {
    for (int a = 0; a < appends; a++) {
      try (DataWriter w = table.newDataWriter()) {
        for (int i = a * per; i < (a + 1) * per; i++) {
          w.write(rows[i]);
        }
        w.finish();
      }
    }
  }
}

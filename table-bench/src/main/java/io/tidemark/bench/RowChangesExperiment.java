package io.tidemark.bench;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.ScanReader;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A diagnostic, not part of the benchmark run: row-level changes (issue 19). In one run, each
 * figure against its counterpart, taking turns repetition by repetition:
 * deleting 10 scattered rows from a one-file table of {@code rows} rows, merge-on-read (a deletion
 * vector) against copy-on-write (a rewrite); a full scan of a table with 10% of its rows deleted by
 * vectors against the same rows compacted; and upserting 10,000 keys (half updates, half inserts)
 * into tables of {@code rows} and 2 × {@code rows} rows bucketed by key.
 *
 * <pre>
 * java -Xmx2g -cp 'table-bench/target/table-bench-0.1.0-SNAPSHOT.jar:table-bench/target/lib/*' \
 *     io.tidemark.bench.RowChangesExperiment [reps] [work-dir] [rows]
 * </pre>
 */
public final class RowChangesExperiment {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, category string, value double");
  private static final Map<String, String> MOR = Map.of(TableProperties.DELETE_MODE,
      TableProperties.DELETE_MODE_MERGE_ON_READ);
  private static final Map<String, String> COW = Map.of(TableProperties.DELETE_MODE,
      TableProperties.DELETE_MODE_COPY_ON_WRITE);

  private RowChangesExperiment() {}

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path work = Files.createTempDirectory(Paths.get(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir")),
        "rowchanges");
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    try {
      run(reps, work, rows);
    } finally {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(int reps, Path work, int rows) {
    Random random = new Random(1);

    Table mor = load(Tables.create(work.resolve("mor").toString(), SCHEMA, MOR), 0, rows);
    Table cow = load(Tables.create(work.resolve("cow").toString(), SCHEMA, COW), 0, rows);
    double[] morMs = new double[reps];
    double[] cowMs = new double[reps];
    for (int r = 0; r < reps + 1; r++) { // the first round warms up
      List<Object> ids = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ids.add((long) random.nextInt(rows));
      }
      long t0 = System.nanoTime();
      mor.newDelete().where(Expressions.in("id", ids)).commit();
      long t1 = System.nanoTime();
      cow.newDelete().where(Expressions.in("id", ids)).commit();
      long t2 = System.nanoTime();
      if (r > 0) {
        morMs[r - 1] = (t1 - t0) / 1e6;
        cowMs[r - 1] = (t2 - t1) / 1e6;
      }
    }
    System.out.printf("delete 10 of %,d rows: merge-on-read %.1f ms, copy-on-write %.1f ms (medians of %d): %.1fx%n",
        rows, median(morMs), median(cowMs), reps, median(cowMs) / median(morMs));

    Table vectors = load(Tables.create(work.resolve("scan-mor").toString(), SCHEMA, MOR), 0, rows);
    vectors.newDelete().where("value < 0.1").commit(); // value is uniform in [0, 1): 10% of the rows
    Table clean = load(Tables.create(work.resolve("scan-clean").toString(), SCHEMA, MOR), 0, rows);
    clean.newDelete().where("value < 0.1").commit();
    clean.compact().commit();
    double[] withVectors = new double[reps];
    double[] compacted = new double[reps];
    for (int r = 0; r < reps + 1; r++) {
      long t0 = System.nanoTime();
      long a = count(vectors);
      long t1 = System.nanoTime();
      long b = count(clean);
      long t2 = System.nanoTime();
      if (a != b) {
        throw new IllegalStateException(a + " rows against " + b);
      }
      if (r > 0) {
        withVectors[r - 1] = (t1 - t0) / 1e6;
        compacted[r - 1] = (t2 - t1) / 1e6;
      }
    }
    System.out.printf("full scan, 10%% deleted: with vectors %.1f ms, compacted %.1f ms (medians of %d): %.2fx%n",
        median(withVectors), median(compacted), reps, median(withVectors) / median(compacted));

    for (int size : new int[] {rows, 2 * rows}) {
      Table bucketed = Tables.create(work.resolve("upsert-" + size).toString(), SCHEMA,
          PartitionSpec.builderFor(SCHEMA).bucket("id", 16).build(), MOR);
      load(bucketed, 0, size);
      double[] rate = new double[reps];
      for (int r = 0; r < reps; r++) {
        List<Record> source = new ArrayList<>();
        long base = (long) size + 10_000L * r;
        for (int i = 0; i < 5_000; i++) {
          source.add(Record.of(SCHEMA, (long) random.nextInt(size), "updated", random.nextDouble()));
        }
        source = dedup(source);
        for (int i = source.size(); i < 10_000; i++) {
          source.add(Record.of(SCHEMA, base + i, "inserted", random.nextDouble()));
        }
        long t0 = System.nanoTime();
        bucketed.newMerge().on("id").source(source).whenMatchedUpdateAll().whenNotMatchedInsertAll().commit();
        rate[r] = source.size() / ((System.nanoTime() - t0) / 1e9);
      }
      System.out.printf("upsert 10,000 keys into %,d rows in 16 buckets: %,.0f rows/s (median of %d)%n", size,
          median(rate), reps);
    }
  }

  private static List<Record> dedup(List<Record> records) {
    java.util.Map<Object, Record> byId = new java.util.LinkedHashMap<>();
    records.forEach(r -> byId.putIfAbsent(r.get("id"), r));
    return new ArrayList<>(byId.values());
  }

  private static Table load(Table table, long from, long to) {
    Random random = new Random(from);
    try (AppendWriter w = table.newAppend()) {
      for (long i = from; i < to; i++) {
        w.write(Record.of(SCHEMA, i, "c" + (i % 100), random.nextDouble()));
      }
      w.commit();
    }
    return table;
  }

  private static long count(Table table) {
    long n = 0;
    try (ScanReader rows = table.newScan().records()) {
      for (Record ignored : rows) {
        n++;
      }
    }
    return n;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}

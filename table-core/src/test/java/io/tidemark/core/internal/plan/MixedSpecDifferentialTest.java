package io.tidemark.core.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.DataFile;
import io.tidemark.core.ScanPlan;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.parquet.DataFileReader;
import io.tidemark.spec.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Like {@link PrunedScanDifferentialTest}, with the partition spec evolved between appends
 * ({@code table.updateSpec()}): files of several specs in one table, filtered on both sides of
 * each change, return exactly the matching rows, and no pruned file holds a matching row.
 */
class MixedSpecDifferentialTest {
  static final String[] SPECS = {"", "day(ts)", "bucket(3, id)", "truncate(2, category)", "category, month(ts)",
      "hour(ts), bucket(2, category)", "bucket(3, id), day(ts)"};
  static final int TABLES = 16;
  static final int FILTERS_PER_TABLE = 15;

  @TempDir
  Path dir;

  @Test
  void filesOfEverySpecArePrunedCorrectly() {
    int cases = 0;
    int mixed = 0;
    for (int t = 0; t < TABLES; t++) {
      Random random = new Random(5000 + t);
      Map<String, String> properties = Map.of(
          TableProperties.CHECKPOINT_INTERVAL, random.nextBoolean() ? "2" : "0",
          TableProperties.MANIFEST_MAX_FILES, "3");
      PartitionSpec first = PartitionSpec.parse(PrunedScanDifferentialTest.SCHEMA, SPECS[random.nextInt(SPECS.length)]);
      Table table = Tables.create(dir.resolve("t" + t).toString(), PrunedScanDifferentialTest.SCHEMA, first,
          properties);
      List<Record> all = new ArrayList<>();
      int appends = 3 + random.nextInt(4);
      for (int a = 0; a < appends; a++) {
        if (a > 0 && random.nextInt(3) != 0) {
          String next = SPECS[random.nextInt(SPECS.length)];
          if (!table.updateSpec().replaceWith(next).apply().fields()
              .equals(table.refresh().metadata().defaultSpec().fields())) {
            table.updateSpec().replaceWith(next).commit();
          }
        }
        List<Record> batch = PrunedScanDifferentialTest.rows(random, all.size(), 10 + random.nextInt(40));
        try (AppendWriter w = table.newAppend()) {
          w.writeAll(batch);
          w.commit();
        }
        all.addAll(batch);
      }
      Set<Integer> specIds = new HashSet<>();
      table.refresh().dataFiles().forEach(f -> specIds.add(f.specId()));
      if (specIds.size() > 1) {
        mixed++;
      }
      for (int f = 0; f < FILTERS_PER_TABLE; f++) {
        check(table, all, PrunedScanDifferentialTest.filter(random, all, 2));
        cases++;
      }
    }
    assertThat(cases).isEqualTo(TABLES * FILTERS_PER_TABLE);
    assertThat(mixed).as("tables with files of more than one spec").isGreaterThanOrEqualTo(TABLES / 2);
  }

  private static void check(Table table, List<Record> all, Expression filter) {
    RowEvaluator oracle = new RowEvaluator(Binder.bind(PrunedScanDifferentialTest.SCHEMA, filter));
    List<Record> expected = all.stream().filter(oracle::matches).toList();
    assertThat(TestTables.read(table.newScan().filter(filter)))
        .as("rows of %s; specs %s", filter, table.refresh().metadata().partitionSpecs()).containsExactlyInAnyOrderElementsOf(expected);
    ScanPlan plan = table.newScan().filter(filter).plan();
    List<DataFile> streamed = new ArrayList<>();
    table.newScan().filter(filter).files().forEach(streamed::add);
    assertThat(streamed).as("files streamed for %s", filter).containsExactlyElementsOf(plan.files());
    Set<String> planned = new HashSet<>();
    plan.files().forEach(f -> planned.add(f.path()));
    for (DataFile file : table.refresh().dataFiles()) {
      if (planned.contains(file.path())) {
        continue;
      }
      try (CloseableIterator<Record> rows = DataFileReader.open(
          table.io().newInputFile(table.location() + "/" + file.path()), PrunedScanDifferentialTest.SCHEMA)) {
        while (rows.hasNext()) {
          Record r = rows.next();
          assertThat(oracle.matches(r)).as("pruned file %s (spec %s) holds %s matching %s", file.path(),
              file.specId(), r, filter).isFalse();
        }
      }
    }
  }
}

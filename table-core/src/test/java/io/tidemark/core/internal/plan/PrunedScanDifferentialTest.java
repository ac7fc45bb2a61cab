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
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.parquet.DataFileReader;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random tables and random filters (fixed seeds): a pruned scan returns exactly what a full scan
 * filtered in memory returns, and no pruned file holds a matching row.
 */
class PrunedScanDifferentialTest {
  static final Schema SCHEMA = SchemaDdl.parse(
      "id long not null, ts timestamp, category string, value double, amount decimal(8,2)");
  static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  static final String[] CATEGORIES = {"alpha", "beta", "gamma", "a-very-long-category-name-beyond-sixteen",
      "a-very-long-category-name-beyond-seventeen", "δέλτα", "𝄞clef", ""};
  static final int TABLES = 24;
  static final int FILTERS_PER_TABLE = 15;

  @TempDir
  Path dir;

  @Test
  void prunedScansReturnExactlyTheMatchingRowsAndPruneNoMatchingFile() {
    int cases = 0;
    for (int t = 0; t < TABLES; t++) {
      Random random = new Random(1000 + t);
      PartitionSpec spec = spec(random.nextInt(6));
      Map<String, String> properties = Map.of(
          TableProperties.CHECKPOINT_INTERVAL, random.nextBoolean() ? "2" : "0",
          TableProperties.MANIFEST_MAX_FILES, "3");
      Table table = Tables.create(dir.resolve("t" + t).toString(), SCHEMA, spec, properties);
      List<Record> all = new ArrayList<>();
      int appends = 2 + random.nextInt(4);
      for (int a = 0; a < appends; a++) {
        List<Record> batch = rows(random, all.size(), 10 + random.nextInt(40));
        try (AppendWriter w = table.newAppend()) {
          w.writeAll(batch);
          w.commit();
        }
        all.addAll(batch);
      }
      for (int f = 0; f < FILTERS_PER_TABLE; f++) {
        Expression filter = filter(random, all, 2);
        check(table, all, filter);
        cases++;
      }
    }
    assertThat(cases).isEqualTo(TABLES * FILTERS_PER_TABLE);
  }

  private void check(Table table, List<Record> all, Expression filter) {
    RowEvaluator oracle = new RowEvaluator(Binder.bind(SCHEMA, filter));
    List<Record> expected = all.stream().filter(oracle::matches).toList();
    assertThat(TestTables.read(table.newScan().filter(filter)))
        .as("rows of %s", filter).containsExactlyInAnyOrderElementsOf(expected);
    ScanPlan plan = table.newScan().filter(filter).plan();
    Set<String> planned = new HashSet<>();
    plan.files().forEach(f -> planned.add(f.path()));
    for (DataFile file : table.refresh().dataFiles()) {
      if (planned.contains(file.path())) {
        continue;
      }
      try (CloseableIterator<Record> rows = DataFileReader.open(
          table.io().newInputFile(table.location() + "/" + file.path()), SCHEMA)) {
        while (rows.hasNext()) {
          Record r = rows.next();
          assertThat(oracle.matches(r)).as("pruned file %s holds %s matching %s", file.path(), r, filter).isFalse();
        }
      }
    }
  }

  private static PartitionSpec spec(int kind) {
    PartitionSpec.Builder b = PartitionSpec.builderFor(SCHEMA);
    return switch (kind) {
      case 0 -> PartitionSpec.unpartitioned();
      case 1 -> b.day("ts").build();
      case 2 -> b.bucket("id", 3).build();
      case 3 -> b.truncate("category", 2).build();
      case 4 -> b.identity("category").month("ts").build();
      default -> b.hour("ts").bucket("category", 2).build();
    };
  }

  static List<Record> rows(Random random, int firstId, int n) {
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long id = (long) firstId + i;
      Instant ts = random.nextInt(10) == 0 ? null : START.plusSeconds(random.nextInt(5 * 86_400));
      String category = random.nextInt(8) == 0 ? null : CATEGORIES[random.nextInt(CATEGORIES.length)];
      Double value = switch (random.nextInt(10)) {
        case 0 -> null;
        case 1 -> Double.NaN;
        default -> (random.nextInt(2000) - 1000) / 8.0;
      };
      BigDecimal amount = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(100_000) - 50_000, 2);
      out.add(Record.of(SCHEMA, id, ts, category, value, amount));
    }
    return out;
  }

  static Expression filter(Random random, List<Record> rows, int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      Expression left = filter(random, rows, depth - 1);
      Expression right = filter(random, rows, depth - 1);
      return switch (random.nextInt(3)) {
        case 0 -> Expressions.and(left, right);
        case 1 -> Expressions.or(left, right);
        default -> Expressions.not(left);
      };
    }
    String[] columns = {"id", "ts", "category", "value", "amount"};
    String column = columns[random.nextInt(columns.length)];
    Object literal = literal(random, rows, column);
    int op = random.nextInt(column.equals("category") ? 11 : 10);
    Object other = literal(random, rows, column);
    if (literal == null || op == 8) {
      if (column.equals("value") && random.nextBoolean()) {
        return random.nextBoolean() ? Expressions.isNaN(column) : Expressions.notNaN(column);
      }
      return random.nextBoolean() ? Expressions.isNull(column) : Expressions.notNull(column);
    }
    return switch (op) {
      case 0 -> Expressions.equal(column, literal);
      case 1 -> Expressions.notEqual(column, literal);
      case 2 -> Expressions.lessThan(column, literal);
      case 3 -> Expressions.lessThanOrEqual(column, literal);
      case 4 -> Expressions.greaterThan(column, literal);
      case 5 -> Expressions.greaterThanOrEqual(column, literal);
      case 6 -> Expressions.in(column, literal, other == null ? literal : other);
      case 7 -> Expressions.notIn(column, literal);
      case 9 -> Expressions.equal(column, literal);
      default -> Expressions.startsWith(column, ((String) literal).substring(0,
          Math.min(((String) literal).length(), random.nextInt(20))));
    };
  }

  /** A literal near the data: a value some row has, or one just beside it. */
  private static Object literal(Random random, List<Record> rows, String column) {
    Object v = rows.get(random.nextInt(rows.size())).get(column);
    if (v instanceof Double d && d.isNaN()) {
      return null; // NaN is tested with is nan, not compared
    }
    if (v == null || random.nextInt(3) != 0) {
      return v;
    }
    int delta = random.nextBoolean() ? 1 : -1;
    if (v instanceof Long l) {
      return l + delta;
    } else if (v instanceof Instant i) {
      return i.plusNanos(delta * 1000L);
    } else if (v instanceof Double d) {
      return d + delta / 16.0;
    } else if (v instanceof BigDecimal b) {
      return b.add(BigDecimal.valueOf(delta, 2));
    }
    return v + (delta > 0 ? "z" : "");
  }
}

package io.tidemark.core.internal.expr;

import static io.tidemark.core.expr.Expressions.parse;
import static io.tidemark.core.internal.expr.TestSchemas.SCHEMA;
import static io.tidemark.core.internal.expr.TestSchemas.id;
import static io.tidemark.core.internal.expr.TestSchemas.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.parquet.DataFileWriter;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundsEvaluatorTest {
  private static boolean mightMatch(String filter, FieldBounds bounds) {
    return new BoundsEvaluator(Binder.bind(SCHEMA, parse(filter))).mightMatch(bounds);
  }

  /** 10 rows, i in [10, 20], no nulls. */
  private static final FieldBounds INTS = TestBounds.rows(10).field(id("i"), 0L, null, 10, 20);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "i < 10 | false", "i < 11 | true", "i <= 9 | false", "i <= 10 | true",
      "i > 20 | false", "i > 19 | true", "i >= 21 | false", "i >= 20 | true",
      "i = 9 | false", "i = 10 | true", "i = 15 | true", "i = 20 | true", "i = 21 | false",
      "i != 15 | true", "i in (1, 2, 21) | false", "i in (1, 20) | true", "i not in (10, 20) | true",
      "i is null | false", "i is not null | true",
      "i < 10 or i > 20 | false", "i < 10 or i = 12 | true", "i >= 10 and i = 25 | false",
  })
  void comparesLiteralsWithInclusiveBounds(String filter, boolean expected) {
    assertThat(mightMatch(filter, INTS)).as(filter).isEqualTo(expected);
  }

  @Test
  void aSingleValueColumnRulesOutNotEqualAndNotIn() {
    FieldBounds single = TestBounds.rows(10).field(id("i"), 3L, null, 7, 7);
    assertThat(mightMatch("i != 7", single)).isFalse(); // the three nulls do not match either
    assertThat(mightMatch("i not in (6, 7)", single)).isFalse();
    assertThat(mightMatch("i != 8", single)).isTrue();
    assertThat(mightMatch("i not in (6, 8)", single)).isTrue();
    assertThat(mightMatch("not (i = 7)", single)).isFalse();
  }

  @Test
  void missingStatisticsMightMatchAnything() {
    FieldBounds none = TestBounds.rows(10);
    for (String filter : List.of("i = 1", "i != 1", "i < 1", "i in (1, 2)", "i not in (1)", "i is null",
        "i is not null", "s starts with 'a'", "s not starts with 'a'", "d is nan", "d is not nan", "d > 1")) {
      assertThat(mightMatch(filter, none)).as(filter).isTrue();
    }
    FieldBounds unknownRows = TestBounds.rows((Long) null).field(id("i"), 5L, null, null, null);
    assertThat(mightMatch("i = 1", unknownRows)).isTrue();
    assertThat(mightMatch("i is not null", unknownRows)).isTrue();
    assertThat(mightMatch("i is null", unknownRows)).isTrue();
  }

  @Test
  void anAllNullColumnMatchesOnlyIsNull() {
    FieldBounds allNull = TestBounds.rows(4).field(id("i"), 4L, null, null, null);
    for (String filter : List.of("i = 1", "i != 1", "i < 1", "i >= 1", "i in (1, 2)", "i not in (1)",
        "i is not null", "not (i = 1)")) {
      assertThat(mightMatch(filter, allNull)).as(filter).isFalse();
    }
    assertThat(mightMatch("i is null", allNull)).isTrue();
    assertThat(mightMatch("i is null", TestBounds.rows(4).field(id("i"), 0L, null, 1, 2))).isFalse();
    assertThat(mightMatch("i = 1", TestBounds.rows(0).field(id("i"), 0L, null, null, null))).isFalse();
    assertThat(mightMatch("i is null", TestBounds.rows(0))).isFalse();
  }

  @Test
  void nanCountsDecideNanTestsAndNanValuesNeverMatchComparisons() {
    FieldBounds allNan = TestBounds.rows(3).field(id("d"), 0L, 3L, null, null);
    assertThat(mightMatch("d is nan", allNan)).isTrue();
    assertThat(mightMatch("d is not nan", allNan)).isFalse();
    assertThat(mightMatch("d = 1 or d != 1 or d < 0 or d > 0", allNan)).isFalse();
    FieldBounds nanOrNull = TestBounds.rows(3).field(id("d"), 1L, 2L, null, null);
    assertThat(mightMatch("d != 1", nanOrNull)).isFalse();
    assertThat(mightMatch("d is not nan", nanOrNull)).isTrue(); // the null
    FieldBounds noNan = TestBounds.rows(3).field(id("d"), 0L, 0L, 1.0, 2.0);
    assertThat(mightMatch("d is nan", noNan)).isFalse();
    assertThat(mightMatch("d is not nan", noNan)).isTrue();
    FieldBounds someNan = TestBounds.rows(3).field(id("d"), 0L, 1L, 1.0, 2.0);
    assertThat(mightMatch("d is nan", someNan)).isTrue();
    assertThat(mightMatch("d > 2", someNan)).isFalse(); // the NaN does not count
    FieldBounds unknownNans = TestBounds.rows(3).field(id("d"), 1L, null, null, null);
    assertThat(mightMatch("d = 1", unknownNans)).isTrue();
    assertThat(mightMatch("d is nan", unknownNans)).isTrue();
  }

  @Test
  void aNanBoundIsIgnoredAndZerosCompareEqual() {
    FieldBounds nanBounds = TestBounds.rows(3).field(id("d"), 0L, 0L, Double.NaN, Double.NaN);
    assertThat(mightMatch("d = 1", nanBounds)).isTrue();
    FieldBounds negativeZero = TestBounds.rows(3).field(id("d"), 0L, 0L, -0.0, -0.0);
    assertThat(mightMatch("d = 0", negativeZero)).isTrue();
    assertThat(mightMatch("d >= 0", negativeZero)).isTrue();
    assertThat(mightMatch("d > 0", negativeZero)).isFalse();
    assertThat(mightMatch("d != 0", negativeZero)).isFalse();
  }

  @Test
  void truncatedStringBoundsStayBounds() {
    String value = "abcdefghijklmnopqrstuvwxyz";
    FieldBounds longString = TestBounds.compute(SCHEMA.asStruct(), List.of(row("s", value)));
    assertThat(longString.lower(id("s"))).isEqualTo("abcdefghijklmnop");
    assertThat(longString.upper(id("s"))).isEqualTo("abcdefghijklmnoq");
    // the value itself lies between the truncated bounds
    assertThat(mightMatch("s = '" + value + "'", longString)).isTrue();
    assertThat(mightMatch("s in ('zzz', '" + value + "')", longString)).isTrue();
    assertThat(mightMatch("s >= '" + value + "'", longString)).isTrue();
    assertThat(mightMatch("s <= '" + value + "'", longString)).isTrue();
    // the bounds are not values: equal to a bound is only "might"
    assertThat(mightMatch("s = 'abcdefghijklmnop'", longString)).isTrue();
    assertThat(mightMatch("s = 'abcdefghijklmnoq'", longString)).isTrue();
    // beyond the upper bound nothing matches, even though the literal shares the bound's prefix
    assertThat(mightMatch("s > 'abcdefghijklmnoq'", longString)).isFalse();
    assertThat(mightMatch("s = 'abcdefghijklmnoqa'", longString)).isFalse();
    assertThat(mightMatch("s < 'abcdefghijklmnop'", longString)).isFalse();
    // a single truncated value still has lower != upper, so != cannot rule it out
    assertThat(mightMatch("s != 'abcdefghijklmnop'", longString)).isTrue();
    assertThat(mightMatch("s != '" + value + "'", longString)).isTrue();
  }

  @Test
  void startsWithUsesPrefixesOfTruncatedBounds() {
    FieldBounds b = TestBounds.compute(SCHEMA.asStruct(),
        List.of(row("s", "abcdefghijklmnopqrstuvwxyz"), row("s", "abcdefghijklmnopzzzzzz")));
    assertThat(mightMatch("s starts with 'abc'", b)).isTrue();
    assertThat(mightMatch("s starts with 'abcdefghijklmnopqrst'", b)).isTrue(); // longer than the bounds
    assertThat(mightMatch("s starts with 'abcdefghijklmnopz'", b)).isTrue();
    assertThat(mightMatch("s starts with 'abcdefghijklmnor'", b)).isFalse(); // above the upper bound
    assertThat(mightMatch("s starts with 'abd'", b)).isFalse();
    assertThat(mightMatch("s starts with 'abb'", b)).isFalse();
    assertThat(mightMatch("s starts with 'b'", b)).isFalse();
    assertThat(mightMatch("s starts with 'a'", b)).isTrue();
    // every value starts with 'abc': lower and upper both do
    assertThat(mightMatch("s not starts with 'abc'", b)).isFalse();
    assertThat(mightMatch("s not starts with 'abcdefghijklmnopq'", b)).isTrue();
  }

  @Test
  void anOmittedUpperBoundIsUnbounded() {
    String max = new String(Character.toChars(0x10FFFF)).repeat(20);
    FieldBounds b = TestBounds.compute(SCHEMA.asStruct(), List.of(row("s", "a"), row("s", max)));
    assertThat(b.upper(id("s"))).isNull();
    assertThat(mightMatch("s = '" + max + "'", b)).isTrue();
    assertThat(mightMatch("s > 'zzz'", b)).isTrue();
    assertThat(mightMatch("s < 'a'", b)).isFalse();
  }

  @Test
  void nestedFieldsUseTheirOwnIds() {
    Record r = row("point", TestSchemas.point(1.0, 5.0, "label"));
    FieldBounds b = TestBounds.compute(SCHEMA.asStruct(), List.of(r, row()));
    assertThat(mightMatch("point.y = 5", b)).isTrue();
    assertThat(mightMatch("point.y > 5", b)).isFalse();
    assertThat(mightMatch("point.inner.label = 'label'", b)).isTrue();
    assertThat(mightMatch("point.inner.label is null", b)).isTrue(); // the null parent
  }

  @Test
  void readsTheStatisticsOfAnAddAction() {
    Map<Integer, ColumnStats> stats = Map.of(
        id("ts"), new ColumnStats(0, null, "2024-01-02T10:00:00Z", "2024-01-03T00:00:00Z"),
        id("dec"), new ColumnStats(2, null, "1.50", "9.99"),
        id("d"), new ColumnStats(0, 0L, "NaN", 5.0),
        id("bin"), new ColumnStats(0, null, "AAE=", "AAI="),
        id("i"), new ColumnStats(0, null, "not an int", 3L));
    AddFile add = new AddFile("data/x.parquet", Map.of(), 0, 100, 10, stats, true);
    FieldBounds b = FieldBounds.of(add, SCHEMA);
    assertThat(b.rowCount()).isEqualTo(10);
    assertThat(b.lower(id("ts"))).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
    assertThat(b.lower(id("dec"))).isEqualTo(new BigDecimal("1.50"));
    assertThat(b.lower(id("d"))).isNull(); // NaN is never a bound
    assertThat(b.lower(id("i"))).isNull(); // undecodable: unknown
    assertThat(b.upper(id("i"))).isEqualTo(3);
    assertThat(b.nullCount(id("s"))).isNull();
    assertThat(mightMatch("ts < '2024-01-02 10:00:00'", b)).isFalse();
    assertThat(mightMatch("ts <= '2024-01-02 10:00:00'", b)).isTrue();
    assertThat(mightMatch("dec > 9.99", b)).isFalse();
    assertThat(mightMatch("dec is null", b)).isTrue();
    assertThat(mightMatch("d > 5", b)).isFalse();
    assertThat(mightMatch("bin > X'0002'", b)).isFalse();
    assertThat(mightMatch("i < 0", b)).isTrue();
    assertThat(mightMatch("s = 'x'", b)).isTrue();
  }

  @Test
  void prunesOnlyFilesWithoutMatchingRowsUsingTheWritersStatistics(@TempDir Path dir) {
    Schema schema = Schema.builder().required("id", Types.LONG).optional("s", Types.STRING)
        .optional("d", Types.DOUBLE).optional("none", Types.INT).build();
    List<List<Record>> files = new ArrayList<>();
    List<AddFile> adds = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      List<Record> rows = new ArrayList<>();
      for (int r = 0; r < 50; r++) {
        long id = f * 50L + r;
        String s = "prefix-" + f + "-" + "x".repeat(20) + r; // longer than 16 code points
        Double d = r % 7 == 0 ? Double.valueOf(Double.NaN) : r % 5 == 0 ? null : Double.valueOf(id);
        rows.add(Record.of(schema, id, s, d, null));
      }
      files.add(rows);
      try (DataFileWriter w = new DataFileWriter(new LocalFileIO(), dir.toString(), schema, WriterOptions.defaults())) {
        rows.forEach(w::write);
        adds.addAll(w.finish());
      }
    }
    String[] filters = {
        "id = 75", "id < 50", "id >= 199", "s = 'prefix-2-xxxxxxxxxxxxxxxxxxxx7'", "s starts with 'prefix-3'",
        "s > 'prefix-2-xxxxxxxxxxxxxxxxxxxx9'", "s not starts with 'prefix-'", "d is nan", "d > 190",
        "d is null", "none is null", "none is not null", "none = 1", "d != 0", "s in ('prefix-1-x', 'q')",
    };
    for (String filter : filters) {
      Expression bound = Binder.bind(schema, parse(filter));
      RowEvaluator rows = new RowEvaluator(bound);
      BoundsEvaluator bounds = new BoundsEvaluator(bound);
      for (int f = 0; f < files.size(); f++) {
        boolean anyMatch = files.get(f).stream().anyMatch(rows::matches);
        boolean might = bounds.mightMatch(FieldBounds.of(adds.get(f), schema));
        if (anyMatch) {
          assertThat(might).as(filter + " on file " + f).isTrue();
        }
      }
    }
    BoundsEvaluator third = new BoundsEvaluator(Binder.bind(schema, parse("s starts with 'prefix-3'")));
    assertThat(adds).filteredOn(a -> third.mightMatch(FieldBounds.of(a, schema))).hasSize(1);
    BoundsEvaluator none = new BoundsEvaluator(Binder.bind(schema, parse("none = 1 or id = 75")));
    assertThat(adds).filteredOn(a -> none.mightMatch(FieldBounds.of(a, schema))).hasSize(1);
  }
}

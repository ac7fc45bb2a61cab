package io.tidemark.core.internal.expr;

import static io.tidemark.core.expr.Expressions.parse;
import static io.tidemark.core.internal.expr.TestSchemas.SCHEMA;
import static io.tidemark.core.internal.expr.TestSchemas.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictEvaluatorTest {
  private static boolean allMatch(String filter, FieldBounds bounds) {
    return new StrictEvaluator(Binder.bind(SCHEMA, parse(filter))).allMatch(bounds);
  }

  /** 10 rows, i in [10, 20], no nulls; s in ['apple', 'apricot'], no nulls. */
  private static final FieldBounds KNOWN = TestBounds.rows(10).field(id("i"), 0L, null, 10, 20)
      .field(id("s"), 0L, null, "apple", "apricot");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "i < 21 | true", "i < 20 | false", "i <= 20 | true", "i > 9 | true", "i > 10 | false", "i >= 10 | true",
      "i = 15 | false", "i != 9 | true", "i != 15 | false", "i not in (1, 21) | true", "i not in (1, 12) | false",
      "i in (10, 20) | false", "i is not null | true", "i is null | false",
      "i >= 10 and i <= 20 | true", "i > 15 or i < 30 | true", "i > 15 or i < 12 | false",
      "s starts with 'ap' | true", "s starts with 'app' | false", "not s starts with 'b' | true",
      "not s starts with 'apple' | false", "s > 'a' | true", "true | true", "false | false",
      "l = 1 | false", "l is null | false",
  })
  void provesOnlyWhatTheBoundsProve(String filter, boolean expected) {
    assertThat(allMatch(filter, KNOWN)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "i = 7 | true", "i in (6, 7) | true", "i != 8 | true", "i != 7 | false", "i is not null | true",
      "i is null | false",
  })
  void nullsNeverMatchAComparison(String filter, boolean whenNoNulls) {
    FieldBounds noNulls = TestBounds.rows(5).field(id("i"), 0L, null, 7, 7);
    FieldBounds someNulls = TestBounds.rows(5).field(id("i"), 2L, null, 7, 7);
    assertThat(allMatch(filter, noNulls)).as(filter).isEqualTo(whenNoNulls);
    assertThat(allMatch(filter, someNulls)).as(filter).isFalse();
    assertThat(allMatch("i is null", TestBounds.rows(5).field(id("i"), 5L, null, null, null))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 20240102})
  void whateverItProvesHoldsForEveryRow(long seed) {
    RandomData data = new RandomData(seed);
    int proved = 0;
    for (int c = 0; c < 400; c++) {
      Expression filter = data.expression(2);
      Expression bound = Binder.bind(RandomData.SCHEMA, filter);
      List<Record> rows = new ArrayList<>();
      for (int r = 1 + data.random().nextInt(4); r > 0; r--) {
        rows.add(data.row(r));
      }
      if (new StrictEvaluator(bound).allMatch(TestBounds.compute(RandomData.SCHEMA.asStruct(), rows))) {
        proved++;
        RowEvaluator rowEvaluator = new RowEvaluator(bound);
        for (Record row : rows) {
          assertThat(rowEvaluator.matches(row)).as("seed %d case %d: %s proved for %s", seed, c, bound, row).isTrue();
        }
      }
    }
    assertThat(proved).as("the property was not checked vacuously").isGreaterThan(10);
  }
}

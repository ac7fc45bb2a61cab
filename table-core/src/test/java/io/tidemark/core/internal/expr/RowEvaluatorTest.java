package io.tidemark.core.internal.expr;

import static io.tidemark.core.expr.Expressions.parse;
import static io.tidemark.core.internal.expr.TestSchemas.SCHEMA;
import static io.tidemark.core.internal.expr.TestSchemas.point;
import static io.tidemark.core.internal.expr.TestSchemas.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowEvaluatorTest {
  private static boolean matches(String filter, Record row) {
    return new RowEvaluator(Binder.bind(SCHEMA, parse(filter))).matches(row);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "i = 5 | true", "i = 4 | false", "i != 4 | true", "i != 5 | false",
      "i < 6 | true", "i < 5 | false", "i <= 5 | true", "i <= 4 | false",
      "i > 4 | true", "i > 5 | false", "i >= 5 | true", "i >= 6 | false",
      "i in (1, 5) | true", "i in (1, 2) | false", "i not in (1, 2) | true", "i not in (5, 2) | false",
      "i is null | false", "i is not null | true",
  })
  void comparesIntegers(String filter, boolean expected) {
    assertThat(matches(filter, row("i", 5))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "i = 1", "i != 1", "i < 1", "i <= 1", "i > 1", "i >= 1", "i in (1, 2)", "i not in (1, 2)",
      "not (i = 1)", "not (i != 1)", "not (i < 1)", "not (i in (1, 2))", "not not (i != 1)",
      "s starts with 'a'", "s not starts with 'a'", "not (s starts with 'a')",
      "i = 1 or i != 1", "not (i = 1 and true)",
  })
  void aComparisonWithNullIsUnknownAndNeverMatchesEvenNegated(String filter) {
    assertThat(matches(filter, row())).as(filter).isFalse();
  }

  @Test
  void unknownFollowsThreeValuedLogic() {
    Record nullI = row("s", "a");
    assertThat(matches("i = 1 or s = 'a'", nullI)).isTrue();      // unknown or true = true
    assertThat(matches("i = 1 and s = 'a'", nullI)).isFalse();    // unknown and true = unknown
    assertThat(matches("not (i = 1 and s = 'b')", nullI)).isTrue(); // not (unknown and false) = true
    assertThat(matches("not (i = 1 or s = 'b')", nullI)).isFalse(); // not (unknown or false) = unknown
    assertThat(matches("i is null", nullI)).isTrue();
    assertThat(matches("not (i is null)", nullI)).isFalse();
  }

  @Test
  void nanMatchesOnlyIsNan() {
    Record nan = row("d", Double.NaN, "f", Float.NaN);
    for (String filter : List.of("d = 1", "d != 1", "d < 1", "d > 1", "d <= 'Infinity'", "d >= '-Infinity'",
        "d in (1, 2)", "d not in (1, 2)", "not (d = 1)", "not (d < 1)", "f != 0", "d is null")) {
      assertThat(matches(filter, nan)).as(filter).isFalse();
    }
    assertThat(matches("d is nan", nan)).isTrue();
    assertThat(matches("f is nan", nan)).isTrue();
    assertThat(matches("d is not nan", nan)).isFalse();
    assertThat(matches("d is not null", nan)).isTrue();
    assertThat(matches("d is not nan", row())).isTrue(); // null is not NaN
    assertThat(matches("d is nan", row())).isFalse();
    assertThat(matches("d is nan", row("d", 1.0))).isFalse();
    assertThat(matches("d is not nan", row("d", 1.0))).isTrue();
  }

  @Test
  void floatingPointZerosAreEqualAndInfinitiesCompare() {
    assertThat(matches("d = 0", row("d", -0.0))).isTrue();
    assertThat(matches("d < 0", row("d", -0.0))).isFalse();
    assertThat(matches("f = 0.1", row("f", 0.1f))).isTrue();
    assertThat(matches("d > 1e308", row("d", Double.POSITIVE_INFINITY))).isTrue();
    assertThat(matches("d = 'Infinity'", row("d", Double.POSITIVE_INFINITY))).isTrue();
  }

  @Test
  void comparesEveryType() {
    assertThat(matches("l >= 3000000000", row("l", 3_000_000_000L))).isTrue();
    assertThat(matches("dec = 12.5", row("dec", new BigDecimal("12.50")))).isTrue();
    assertThat(matches("dec < 12.51", row("dec", new BigDecimal("12.50")))).isTrue();
    assertThat(matches("big > 0.0000000001", row("big", new BigDecimal("0.0000000002")))).isTrue();
    assertThat(matches("day < '2024-01-02'", row("day", LocalDate.of(2024, 1, 1)))).isTrue();
    assertThat(matches("ts >= '2024-01-02 10:00:00'", row("ts", Instant.parse("2024-01-02T10:00:00Z")))).isTrue();
    assertThat(matches("ts > '2024-01-02T11:00:00+02:00'", row("ts", Instant.parse("2024-01-02T09:30:00Z"))))
        .isTrue();
    assertThat(matches("ntz = '2024-01-02 10:00'", row("ntz", LocalDateTime.of(2024, 1, 2, 10, 0)))).isTrue();
    assertThat(matches("bin > X'7f'", row("bin", ByteBuffer.wrap(new byte[] {(byte) 0x80})))).isTrue();
    assertThat(matches("bin < X'0000'", row("bin", ByteBuffer.wrap(new byte[] {0})))).isTrue();
    assertThat(matches("flag = true", row("flag", true))).isTrue();
    assertThat(matches("flag < true", row("flag", false))).isTrue();
  }

  @Test
  void timestampsCompareAtMicrosecondsAsTheyAreStored() {
    Record r = row("ts", Instant.parse("2024-01-02T10:00:00.0000019Z"));
    assertThat(matches("ts = '2024-01-02T10:00:00.000001Z'", r)).isTrue();
    assertThat(matches("ts > '2024-01-02T10:00:00.000001Z'", r)).isFalse();
  }

  @Test
  void stringsCompareByCodePoint() {
    String supplementary = new String(Character.toChars(0x1F600));
    // U+FFFD sorts before U+1F600 by code point, after it by UTF-16 unit
    assertThat(matches("s > '\uFFFD'", row("s", supplementary))).isTrue();
    assertThat(matches("s starts with 'ab'", row("s", "abc"))).isTrue();
    assertThat(matches("s starts with 'abc'", row("s", "ab"))).isFalse();
    assertThat(matches("s not starts with 'b'", row("s", "abc"))).isTrue();
  }

  @Test
  void findsNestedStructMembersByIdAndTreatsANullParentAsNull() {
    assertThat(matches("point.x > 1", row("point", point(2.0, null, null)))).isTrue();
    assertThat(matches("point.inner.label = 'a'", row("point", point(2.0, null, "a")))).isTrue();
    assertThat(matches("point.inner.label is null", row("point", point(2.0, null, null)))).isTrue();
    assertThat(matches("point.x is null", row())).isTrue();
    assertThat(matches("point.x > 1", row())).isFalse();
    assertThat(matches("not (point.x > 1)", row())).isFalse();
  }

  @Test
  void findsFieldsByIdInRecordsOfAnotherStructAndReadsMissingFieldsAsNull() {
    // a projection that kept only some columns, in another order, under other names
    NestedField s = SCHEMA.column("s");
    NestedField i = SCHEMA.column("i");
    StructType projected = new StructType(List.of(
        new NestedField(s.id(), "renamed", Types.STRING, false, null), i));
    Record r = Record.of(projected, "x", 3);
    RowEvaluator evaluator = new RowEvaluator(Binder.bind(SCHEMA, parse("s = 'x' and i = 3")));
    assertThat(evaluator.matches(r)).isTrue();
    assertThat(evaluator.matches(row("s", "x", "i", 3))).isTrue();
    assertThat(evaluator.matches(Record.of(projected, "x", 4))).isFalse();
    assertThat(new RowEvaluator(Binder.bind(SCHEMA, parse("l is null"))).matches(r)).isTrue();
    assertThat(new RowEvaluator(Binder.bind(SCHEMA, parse("l = 1"))).matches(r)).isFalse();
  }

  @Test
  void constantsMatchEverythingOrNothing() {
    assertThat(new RowEvaluator(Expressions.alwaysTrue()).matches(row())).isTrue();
    assertThat(new RowEvaluator(Expressions.alwaysFalse()).matches(row())).isFalse();
  }

  @Test
  void evaluatesExpressionsWithANotLeftInThem() {
    Schema schema = SCHEMA;
    Expression bound = Binder.bind(schema, parse("i = 1"));
    RowEvaluator evaluator = new RowEvaluator(Expressions.not(bound));
    assertThat(evaluator.matches(row("i", 2))).isTrue();
    assertThat(evaluator.matches(row("i", 1))).isFalse();
    assertThat(evaluator.matches(row())).isFalse();
  }
}

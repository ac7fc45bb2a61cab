package io.tidemark.core.internal.expr;

import static io.tidemark.core.expr.Expressions.and;
import static io.tidemark.core.expr.Expressions.equal;
import static io.tidemark.core.expr.Expressions.in;
import static io.tidemark.core.expr.Expressions.isNull;
import static io.tidemark.core.expr.Expressions.notNull;
import static io.tidemark.core.expr.Expressions.parse;
import static io.tidemark.core.internal.expr.TestSchemas.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinderTest {
  private static Expression bind(String filter) {
    return Binder.bind(SCHEMA, parse(filter));
  }

  private static Object boundLiteral(String filter) {
    return ((BoundPredicate) bind(filter)).literal();
  }

  @Test
  void bindsColumnsToFieldIdsAndTypes() {
    BoundPredicate p = (BoundPredicate) bind("l > 5");
    assertThat(p.ref().fieldId()).isEqualTo(SCHEMA.column("l").id());
    assertThat(p.ref().type()).isEqualTo(Types.LONG);
    assertThat(p.literal()).isEqualTo(5L);
    assertThat(p.isBound()).isTrue();
    assertThat(parse("l > 5").isBound()).isFalse();
  }

  @Test
  void bindsNestedStructMembersByDottedName() {
    BoundPredicate p = (BoundPredicate) bind("point.inner.label = 'a'");
    assertThat(p.ref().fieldId()).isEqualTo(TestSchemas.INNER.field("label").id());
    assertThat(p.ref().nullable()).isTrue();
    assertThat(p.toString()).isEqualTo("point.inner.label = 'a'");
    assertThat(Binder.bind(SCHEMA, parse("`odd name` = 3")).toString()).isEqualTo("`odd name` = 3");
  }

  @Test
  void takesTimestampsAsInstantsOrAsMicrosecondsSince1970() {
    Instant instant = Instant.parse("2023-11-14T22:13:20.000123Z");
    long micros = 1_700_000_000_000_123L;
    assertThat(Binder.bind(SCHEMA, Expressions.greaterThan("ts", micros)))
        .isEqualTo(Binder.bind(SCHEMA, Expressions.greaterThan("ts", instant)));
    assertThat(Binder.bind(SCHEMA, in("ts", micros, -1L)))
        .isEqualTo(Binder.bind(SCHEMA, in("ts", instant, Instant.parse("1969-12-31T23:59:59.999999Z"))));
    assertThat(boundLiteral("ts >= 1700000000000123")).isEqualTo(instant);
    assertThat(boundLiteral("ntz < 0")).isEqualTo(LocalDateTime.parse("1970-01-01T00:00:00"));
    assertThat(((BoundPredicate) Binder.bind(SCHEMA, equal("ntz", micros))).literal())
        .isEqualTo(LocalDateTime.parse("2023-11-14T22:13:20.000123"));
    RowEvaluator byMicros = new RowEvaluator(Binder.bind(SCHEMA, Expressions.greaterThan("ts", micros - 1)));
    assertThat(byMicros.matches(TestSchemas.row("ts", instant))).isTrue();
    assertThat(byMicros.matches(TestSchemas.row("ts", instant.minusNanos(1000)))).isFalse();
  }

  @Test
  void convertsLiteralsToTheColumnsJavaClass() {
    assertThat(boundLiteral("i = 7")).isEqualTo(7);
    assertThat(boundLiteral("i = 7.0")).isEqualTo(7);
    assertThat(boundLiteral("l = 1e3")).isEqualTo(1000L);
    assertThat(boundLiteral("f = 0.1")).isEqualTo(0.1f);
    assertThat(boundLiteral("d = 2")).isEqualTo(2.0d);
    assertThat(boundLiteral("d = 'Infinity'")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(boundLiteral("dec = 12.5")).isEqualTo(new BigDecimal("12.50"));
    assertThat(boundLiteral("dec = 3")).isEqualTo(new BigDecimal("3.00"));
    assertThat(boundLiteral("day = '2024-01-02'")).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(boundLiteral("s = 'x'")).isEqualTo("x");
    assertThat(boundLiteral("bin = X'0102'")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
    assertThat(boundLiteral("flag = true")).isEqualTo(true);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'2024-01-02 10:00:00'           | 2024-01-02T10:00:00Z",
      "'2024-01-02T10:00:00'           | 2024-01-02T10:00:00Z",
      "'2024-01-02 10:00'              | 2024-01-02T10:00:00Z",
      "'2024-01-02'                    | 2024-01-02T00:00:00Z",
      "'2024-01-02 10:00:00.000001'    | 2024-01-02T10:00:00.000001Z",
      "'2024-01-02T10:00:00Z'          | 2024-01-02T10:00:00Z",
      "'2024-01-02T12:00:00+02:00'     | 2024-01-02T10:00:00Z",
      "'2024-01-02 12:00:00 +02:00'    | 2024-01-02T10:00:00Z",
  })
  void timestampStringsWithoutZoneAreUtc(String literal, String expected) {
    assertThat(boundLiteral("ts = " + literal)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void timestampNtzTakesLocalDateTimes() {
    assertThat(boundLiteral("ntz = '2024-01-02 10:00:00'")).isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 0));
    assertThat(boundLiteral("ntz = '2024-01-02'")).isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
    assertThat(((BoundPredicate) Binder.bind(SCHEMA, equal("ts",
        ZonedDateTime.of(2024, 1, 2, 11, 0, 0, 0, ZoneId.of("Europe/Paris"))))).literal())
        .isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
    assertThat(((BoundPredicate) Binder.bind(SCHEMA, equal("ts", LocalDate.of(2024, 1, 2)))).literal())
        .isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
  }

  @Test
  void anUnknownColumnIsOneClearError() {
    assertThatThrownBy(() -> bind("nope = 1"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("unknown column 'nope' in filter; columns are [id, i, l,")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> bind("point.z = 1"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown column 'point.z'")
        .hasMessageContaining("[x, y, inner]");
    assertThatThrownBy(() -> bind("s.x = 1"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 's' is string, not a struct");
    assertThatThrownBy(() -> bind("ID = 1"))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("unknown column 'ID'");
  }

  @Test
  void nestedColumnsCannotBeCompared() {
    assertThatThrownBy(() -> bind("point = 1")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 'point' is struct<").hasMessageContaining("only primitive columns");
    assertThatThrownBy(() -> bind("tags is null")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 'tags' is");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "i = 'x'              | literal 'x' does not fit column 'i' of type int: wrong type",
      "i = 1.5              | literal 1.5 does not fit column 'i' of type int: not a whole number",
      "i = 3000000000       | literal 3000000000 does not fit column 'i' of type int: out of range",
      "l = 1e30             | of type long: out of range",
      "dec = 12.345         | literal 12.345 does not fit column 'dec' of type decimal(9,2): needs rounding to scale 2",
      "dec = 12345678.9     | of type decimal(9,2): out of range",
      "s = 5                | literal 5 does not fit column 's' of type string: wrong type",
      "day = '2024-13-01'   | of type date: not a date",
      "day = 20240101       | of type date: wrong type",
      "ts = 'yesterday'     | of type timestamp: not a timestamp",
      "ts = '2024-01-02 10:00:00.0000001' | more precise than microseconds",
      "ntz = '2024-01-02T10:00:00Z' | of type timestamp_ntz: has a time zone",
      "flag = 1             | of type boolean: wrong type",
      "bin = 'x'            | of type binary: wrong type",
      "f = 1e39             | of type float: out of range",
      "d = 'NaN'            | use 'is nan'",
      "s in ('a', 2)        | literal 2 does not fit column 's'",
  })
  void aLiteralThatDoesNotFitItsColumnIsOneClearError(String filter, String message) {
    assertThatThrownBy(() -> bind(filter))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void predicatesThatNeedAParticularTypeSayWhich() {
    assertThatThrownBy(() -> bind("i is nan")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'is nan' needs a float or double column; column 'i' is int");
    assertThatThrownBy(() -> bind("i starts with '1'")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'starts with' needs a string column; column 'i' is int");
  }

  @Test
  void notIsPushedIntoThePredicates() {
    assertThat(bind("not (i < 1 or s = 'a')").toString()).isEqualTo("i >= 1 and s != 'a'");
    assertThat(bind("not (i in (1, 2) and s starts with 'x')").toString())
        .isEqualTo("i not in (1, 2) or s not starts with 'x'");
    assertThat(bind("not not i is null").toString()).isEqualTo("i is null");
    assertThat(bind("not d is nan").toString()).isEqualTo("d is not nan");
  }

  @Test
  void constantsAreFolded() {
    assertThat(bind("i = 1 and true")).isEqualTo(bind("i = 1"));
    assertThat(bind("i = 1 or true")).isSameAs(Expressions.alwaysTrue());
    assertThat(bind("not (i = 1 or true)")).isSameAs(Expressions.alwaysFalse());
    assertThat(bind("id is null")).isSameAs(Expressions.alwaysFalse());
    assertThat(bind("id is not null or i = 1")).isSameAs(Expressions.alwaysTrue());
    assertThat(bind("point.x is null")).isNotSameAs(Expressions.alwaysFalse()); // its struct is optional
    assertThat(bind("s starts with ''")).isEqualTo(bind("s is not null"));
  }

  @Test
  void inListsAreSortedAndDeduplicated() {
    assertThat(bind("i in (3, 1, 3, 2)").toString()).isEqualTo("i in (1, 2, 3)");
    assertThat(bind("i in (4, 4)").toString()).isEqualTo("i = 4");
    assertThat(bind("i not in (4)").toString()).isEqualTo("i != 4");
    assertThat(bind("dec in (1, 1.00, 1.0)").toString()).isEqualTo("dec = 1.00");
  }

  @Test
  void boundExpressionsPrintAFilterThatBindsToTheSameExpression() {
    String[] filters = {
        "ts >= '2024-01-02 10:00:00' and ts < '2024-01-03'",
        "ntz > '2024-01-02 10:00:00.5' or day = '2024-02-29'",
        "dec in (1.5, -2) and big <= 12345678901234567890.0123456789",
        "f > 0.1 and d < 1e300 and d != '-Infinity'",
        "bin = X'00ff' or flag = false or s not starts with 'it''s'",
        "point.inner.label in ('a', 'b') and `odd name` is null",
    };
    for (String filter : filters) {
      Expression bound = bind(filter);
      assertThat(Binder.bind(SCHEMA, parse(bound.toString()))).as(filter).isEqualTo(bound);
    }
  }

  @Test
  void referencedFieldIdsListsEveryColumnRead() {
    assertThat(Binder.referencedFieldIds(bind("i = 1 or (s = 'a' and point.x > 1)")))
        .containsExactlyInAnyOrder(TestSchemas.id("i"), TestSchemas.id("s"), TestSchemas.POINT.field("x").id());
  }

  @Test
  void evaluatorsRejectUnboundExpressions() {
    assertThatThrownBy(() -> new RowEvaluator(parse("i = 1"))).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("bound");
    assertThatThrownBy(() -> new BoundsEvaluator(and(isNull("i"), notNull("s"))))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(Binder.bind(SCHEMA, in("i", List.of(1, 2))).toString()).isEqualTo("i in (1, 2)");
  }
}

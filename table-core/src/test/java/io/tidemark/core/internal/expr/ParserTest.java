package io.tidemark.core.internal.expr;

import static io.tidemark.core.expr.Expressions.alwaysFalse;
import static io.tidemark.core.expr.Expressions.alwaysTrue;
import static io.tidemark.core.expr.Expressions.and;
import static io.tidemark.core.expr.Expressions.equal;
import static io.tidemark.core.expr.Expressions.greaterThan;
import static io.tidemark.core.expr.Expressions.greaterThanOrEqual;
import static io.tidemark.core.expr.Expressions.in;
import static io.tidemark.core.expr.Expressions.isNaN;
import static io.tidemark.core.expr.Expressions.isNull;
import static io.tidemark.core.expr.Expressions.lessThan;
import static io.tidemark.core.expr.Expressions.lessThanOrEqual;
import static io.tidemark.core.expr.Expressions.not;
import static io.tidemark.core.expr.Expressions.notEqual;
import static io.tidemark.core.expr.Expressions.notIn;
import static io.tidemark.core.expr.Expressions.notNaN;
import static io.tidemark.core.expr.Expressions.notNull;
import static io.tidemark.core.expr.Expressions.notStartsWith;
import static io.tidemark.core.expr.Expressions.or;
import static io.tidemark.core.expr.Expressions.parse;
import static io.tidemark.core.expr.Expressions.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.expr.Expression;
import io.tidemark.spec.error.InvalidArgumentException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParserTest {
  @Test
  void parsesEveryComparisonOperator() {
    assertThat(parse("a = 1")).isEqualTo(equal("a", 1L));
    assertThat(parse("a == 1")).isEqualTo(equal("a", 1L));
    assertThat(parse("a != 1")).isEqualTo(notEqual("a", 1L));
    assertThat(parse("a <> 1")).isEqualTo(notEqual("a", 1L));
    assertThat(parse("a < 1")).isEqualTo(lessThan("a", 1L));
    assertThat(parse("a <= 1")).isEqualTo(lessThanOrEqual("a", 1L));
    assertThat(parse("a > 1")).isEqualTo(greaterThan("a", 1L));
    assertThat(parse("a >= 1")).isEqualTo(greaterThanOrEqual("a", 1L));
  }

  @Test
  void parsesSetNullNanAndPrefixPredicates() {
    assertThat(parse("a in (1, 2, 3)")).isEqualTo(in("a", 1L, 2L, 3L));
    assertThat(parse("a not in ('x')")).isEqualTo(notIn("a", "x"));
    assertThat(parse("a is null")).isEqualTo(isNull("a"));
    assertThat(parse("a is not null")).isEqualTo(notNull("a"));
    assertThat(parse("a is nan")).isEqualTo(isNaN("a"));
    assertThat(parse("a is not nan")).isEqualTo(notNaN("a"));
    assertThat(parse("a starts with 'ab'")).isEqualTo(startsWith("a", "ab"));
    assertThat(parse("a not starts with 'ab'")).isEqualTo(notStartsWith("a", "ab"));
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertThat(parse("a IS NOT NULL AND NOT b IN (1) OR c Starts With 'x'"))
        .isEqualTo(or(and(notNull("a"), not(in("b", 1L))), startsWith("c", "x")));
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    assertThat(parse("a = 1 or b = 2 and c = 3"))
        .isEqualTo(or(equal("a", 1L), and(equal("b", 2L), equal("c", 3L))));
    assertThat(parse("a = 1 and b = 2 or c = 3"))
        .isEqualTo(or(and(equal("a", 1L), equal("b", 2L)), equal("c", 3L)));
    assertThat(parse("not a = 1 and b = 2"))
        .isEqualTo(and(not(equal("a", 1L)), equal("b", 2L)));
    assertThat(parse("not not a = 1")).isEqualTo(not(not(equal("a", 1L))));
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(parse("(a = 1 or b = 2) and c = 3"))
        .isEqualTo(and(or(equal("a", 1L), equal("b", 2L)), equal("c", 3L)));
    assertThat(parse("not (a = 1 or b = 2)")).isEqualTo(not(or(equal("a", 1L), equal("b", 2L))));
    assertThat(parse("((a = 1))")).isEqualTo(equal("a", 1L));
  }

  @Test
  void andAndOrAreLeftAssociative() {
    assertThat(parse("a = 1 and b = 2 and c = 3"))
        .isEqualTo(and(and(equal("a", 1L), equal("b", 2L)), equal("c", 3L)));
  }

  @Test
  void parsesNumberLiterals() {
    assertThat(literal("a = 42")).isEqualTo(42L);
    assertThat(literal("a = -7")).isEqualTo(-7L);
    assertThat(literal("a = 12.50")).isEqualTo(new BigDecimal("12.50"));
    assertThat(literal("a = -0.5")).isEqualTo(new BigDecimal("-0.5"));
    assertThat(literal("a = 1e3")).isEqualTo(new BigDecimal("1e3"));
    assertThat(literal("a = 2.5E-3")).isEqualTo(new BigDecimal("2.5E-3"));
    assertThat(literal("a = 123456789012345678901234567890"))
        .isEqualTo(new BigDecimal("123456789012345678901234567890"));
  }

  @Test
  void parsesStringBooleanAndHexLiterals() {
    assertThat(literal("a = 'it''s'")).isEqualTo("it's");
    assertThat(literal("a = ''")).isEqualTo("");
    assertThat(literal("a = 'two\nlines'")).isEqualTo("two\nlines");
    assertThat(literal("a = true")).isEqualTo(true);
    assertThat(literal("a = FALSE")).isEqualTo(false);
    assertThat(literal("a = X'00ff'")).isEqualTo(ByteBuffer.wrap(new byte[] {0, (byte) 0xFF}));
    assertThat(literal("a = '2024-01-02 10:00:00'")).isEqualTo("2024-01-02 10:00:00");
  }

  @Test
  void parsesTrueAndFalseAsConstants() {
    assertThat(parse("true")).isSameAs(alwaysTrue());
    assertThat(parse("false")).isSameAs(alwaysFalse());
    assertThat(parse("true and a = 1")).isEqualTo(equal("a", 1L));
    assertThat(parse("false or a = 1")).isEqualTo(equal("a", 1L));
    assertThat(parse("not true")).isSameAs(alwaysFalse());
  }

  @Test
  void dottedNamesReferToStructMembersAndBackQuotesAllowOddNames() {
    assertThat(pathOf("point.x = 1")).containsExactly("point", "x");
    assertThat(pathOf("`odd name` = 1")).containsExactly("odd name");
    assertThat(pathOf("`a.b` = 1")).containsExactly("a.b");
    assertThat(pathOf("`a.b`.c = 1")).containsExactly("a.b", "c");
    assertThat(pathOf("`back``tick` = 1")).containsExactly("back`tick");
    assertThat(pathOf("`and` = 1")).containsExactly("and");
    assertThat(pathOf("point . x = 1")).containsExactly("point", "x");
    assertThat(pathOf("_x9 = 1")).containsExactly("_x9");
  }

  @Test
  void factoriesReadColumnNamesTheSameWay() {
    assertThat(equal("point.x", 1)).isEqualTo(ExpressionFactory.predicate(Expression.Operation.EQ,
        List.of("point", "x"), List.of(1)));
    assertThat(equal("`my col`", 1).toString()).isEqualTo("`my col` = 1");
    assertThatThrownBy(() -> equal("my col", 1)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("back-quote");
  }

  @Test
  void toStringPrintsParseableFilters() {
    List<Expression> expressions = List.of(
        or(equal("a", 1L), and(equal("b", 2L), equal("c", 3L))),
        and(or(equal("a", 1L), equal("b", 2L)), equal("c", 3L)),
        and(equal("a", 1L), and(equal("b", 2L), equal("c", 3L))),
        or(equal("a", 1L), or(equal("b", 2L), equal("c", 3L))),
        not(and(equal("a", 1L), isNull("b"))),
        not(not(equal("a", 1L))),
        in("`odd name`", "x", "it's"),
        notIn("point.`a.b`", 1.5, -2.25),
        startsWith("`and`", "pre"),
        notStartsWith("s", "pre"),
        equal("d", LocalDate.of(2024, 1, 2)),
        equal("t", Instant.parse("2024-01-02T10:00:00.000001Z")),
        equal("t", LocalDateTime.parse("2024-01-02T10:00")),
        equal("b", ByteBuffer.wrap(new byte[] {1, 2, (byte) 0xFE})),
        equal("f", Double.POSITIVE_INFINITY),
        equal("n", new BigDecimal("-12.50")),
        equal("n", 1e300),
        notEqual("flag", true),
        isNaN("x"),
        notNaN("x"),
        alwaysTrue(),
        alwaysFalse());
    for (Expression e : expressions) {
      Expression reparsed = parse(e.toString());
      assertThat(reparsed.toString()).as(e.toString()).isEqualTo(e.toString());
    }
    assertThat(or(equal("a", 1L), and(equal("b", 2L), equal("c", 3L))).toString())
        .isEqualTo("a = 1 or b = 2 and c = 3");
    assertThat(and(or(equal("a", 1L), equal("b", 2L)), equal("c", 3L)).toString())
        .isEqualTo("(a = 1 or b = 2) and c = 3");
    assertThat(not(and(equal("a", 1L), isNull("b"))).toString()).isEqualTo("not (a = 1 and b is null)");
    assertThat(in("s", "x", "it's").toString()).isEqualTo("s in ('x', 'it''s')");
  }

  @Test
  void parsingToStringOfAParsedFilterGivesTheSameExpression() {
    String[] filters = {
        "a = 1 or b = 2 and not (c < 3 or d is null)",
        "`weird col` >= 'x''y' and p.q in (1, 2.5, -3e2)",
        "s starts with 'ab' or s not starts with 'c' or s not in ('d')",
        "t > '2024-01-02 10:00:00' and t <= '2024-01-03T00:00:00Z'",
    };
    for (String filter : filters) {
      Expression e = parse(filter);
      assertThat(parse(e.toString())).as(filter).isEqualTo(e);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a =              | 4  | expected a literal",
      "a = 1 and        | 10 | expected a column name",
      "a = 1 b = 2      | 7  | expected 'and', 'or' or the end",
      "(a = 1           | 7  | expected ')'",
      "a = 'abc         | 5  | unterminated string",
      "a in 1           | 6  | expected '(' after 'in'",
      "a in (1 2)       | 9  | expected ',' or ')'",
      "a is 5           | 6  | expected 'null' or 'nan'",
      "a = null         | 5  | use 'is null'",
      "a # 1            | 3  | unexpected character '#'",
      "a starts 'x'     | 10 | expected 'with'",
      "a starts with 1  | 15 | expected a string",
      "and = 1          | 1  | is a keyword",
      "a = 1x           | 5  | invalid number",
      "a ! 1            | 3  | did you mean '!='",
      "a not = 1        | 7  | expected 'in' or 'starts with'",
      "a = X'0'         | 5  | invalid hex literal",
      "`` = 1           | 1  | empty column name",
  })
  void reportsTheFirstErrorWithItsPosition(String filter, int position, String message) {
    assertThatThrownBy(() -> parse(filter))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("at position " + position + ":")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void rejectsAnEmptyFilter(String filter) {
    assertThatThrownBy(() -> parse(filter)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void factoriesRejectNullAndNanLiteralsAndEmptyLists() {
    assertThatThrownBy(() -> equal("a", null)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("isNull");
    assertThatThrownBy(() -> lessThan("a", Double.NaN)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("isNaN");
    assertThatThrownBy(() -> in("a")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("at least one value");
    assertThatThrownBy(() -> equal("a", new Object())).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unsupported");
  }

  @Test
  void expressionsHaveValueEquality() {
    assertThat(parse("a = 1 and b in ('x', 'y')")).isEqualTo(parse("a = 1 AND b IN ('x','y')"))
        .hasSameHashCodeAs(parse("(a = 1) and (b in ('x', 'y'))"));
    assertThat(equal("b", new byte[] {1, 2})).isEqualTo(equal("b", ByteBuffer.wrap(new byte[] {1, 2})));
  }

  private static Object literal(String filter) {
    return ((UnboundPredicate) parse(filter)).literal();
  }

  private static List<String> pathOf(String filter) {
    return ((UnboundPredicate) parse(filter)).path();
  }
}

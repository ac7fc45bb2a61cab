package io.tidemark.core.internal.expr;

import static io.tidemark.core.expr.Expressions.parse;
import static io.tidemark.core.internal.expr.TestSchemas.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transform;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionsTest {
  private static Expression project(String filter, PartitionSpec spec) {
    return Projections.project(Binder.bind(SCHEMA, parse(filter)), spec, SCHEMA);
  }

  private static String projected(String filter, PartitionSpec spec) {
    return project(filter, spec).toString();
  }

  private static PartitionSpec spec(String column, Transform transform) {
    return PartitionSpec.builderFor(SCHEMA).add(column, transform).build();
  }

  private static final PartitionSpec DAY = spec("ts", Transforms.day());
  private static final PartitionSpec HOUR = spec("ts", Transforms.hour());
  private static final PartitionSpec MONTH_OF_DATE = spec("day", Transforms.month());
  private static final PartitionSpec YEAR_NTZ = spec("ntz", Transforms.year());
  private static final PartitionSpec BUCKET = spec("l", Transforms.bucket(16));
  private static final PartitionSpec TRUNC_S = spec("s", Transforms.truncate(3));
  private static final PartitionSpec TRUNC_I = spec("i", Transforms.truncate(10));
  private static final PartitionSpec TRUNC_DEC = spec("dec", Transforms.truncate(100));
  private static final PartitionSpec IDENTITY = spec("d", Transforms.identity());
  private static final PartitionSpec VOID = spec("i", Transforms.alwaysNull());

  @Test
  void aStrictUpperBoundOnATimestampKeepsOnlyTheDaysBeforeIt() {
    assertThat(projected("ts < '2024-01-02 00:00:00'", DAY)).isEqualTo("ts_day <= '2024-01-01'");
    assertThat(projected("ts <= '2024-01-02 00:00:00'", DAY)).isEqualTo("ts_day <= '2024-01-02'");
    assertThat(projected("ts < '2024-01-02 00:00:00.000001'", DAY)).isEqualTo("ts_day <= '2024-01-02'");
    assertThat(projected("ts > '2024-01-01 23:59:59.999999'", DAY)).isEqualTo("ts_day >= '2024-01-02'");
    assertThat(projected("ts >= '2024-01-01 23:59:59.999999'", DAY)).isEqualTo("ts_day >= '2024-01-01'");
    assertThat(projected("ts = '2024-01-02T23:00:00-02:00'", DAY)).isEqualTo("ts_day = '2024-01-03'");
    assertThat(projected("ts in ('2024-01-02 01:00', '2024-01-02 02:00', '2024-01-05')", DAY))
        .isEqualTo("ts_day in ('2024-01-02', '2024-01-05')");
    // the projection on partition values of real rows
    Expression p = project("ts < '2024-01-02 00:00:00'", DAY);
    RowEvaluator partitions = new RowEvaluator(p);
    StructType type = DAY.partitionType(SCHEMA);
    assertThat(partitions.matches(Record.of(type, LocalDate.of(2024, 1, 1)))).isTrue();
    assertThat(partitions.matches(Record.of(type, LocalDate.of(2024, 1, 2)))).isFalse();
  }

  @Test
  void hourMonthAndYearProjectRangesTheSameWay() {
    int hour = (int) (Instant.parse("2024-01-02T10:00:00Z").getEpochSecond() / 3600);
    assertThat(projected("ts < '2024-01-02 10:00:00'", HOUR)).isEqualTo("ts_hour <= " + (hour - 1));
    assertThat(projected("ts >= '2024-01-02 10:00:00'", HOUR)).isEqualTo("ts_hour >= " + hour);
    int jan2024 = (2024 - 1970) * 12;
    assertThat(projected("day < '2024-02-01'", MONTH_OF_DATE)).isEqualTo("day_month <= " + jan2024);
    assertThat(projected("day > '2024-01-31'", MONTH_OF_DATE)).isEqualTo("day_month >= " + (jan2024 + 1));
    assertThat(projected("day = '2024-01-15'", MONTH_OF_DATE)).isEqualTo("day_month = " + jan2024);
    assertThat(projected("ntz < '2024-01-01 00:00'", YEAR_NTZ)).isEqualTo("ntz_year <= 53");
    assertThat(projected("ntz <= '2024-01-01 00:00'", YEAR_NTZ)).isEqualTo("ntz_year <= 54");
  }

  @Test
  void orderPreservingTransformsProjectNoNegations() {
    for (String filter : List.of("ts != '2024-01-02'", "ts not in ('2024-01-02', '2024-01-03')")) {
      assertThat(project(filter, DAY)).as(filter).isSameAs(Expressions.alwaysTrue());
    }
    assertThat(projected("ts is null", DAY)).isEqualTo("ts_day is null");
    assertThat(projected("ts is not null", DAY)).isEqualTo("ts_day is not null");
  }

  @Test
  void bucketProjectsOnlyEqualityAndIn() {
    Transform bucket = Transforms.bucket(16);
    Object b1 = bucket.apply(PrimitiveType.LONG, 1L);
    Object b2 = bucket.apply(PrimitiveType.LONG, 2L);
    assertThat(projected("l = 1", BUCKET)).isEqualTo("l_bucket = " + b1);
    Expression in = project("l in (1, 2, 1000)", BUCKET);
    List<Object> buckets = new ArrayList<>(((BoundPredicate) in).literals());
    assertThat(buckets).contains(b1, b2).isSorted().doesNotHaveDuplicates();
    assertThat(((BoundPredicate) in).op()).isIn(Expression.Operation.IN, Expression.Operation.EQ);
    for (String filter : List.of("l < 5", "l >= 5", "l != 1", "l not in (1, 2)")) {
      assertThat(project(filter, BUCKET)).as(filter).isSameAs(Expressions.alwaysTrue());
    }
    assertThat(projected("l is null", BUCKET)).isEqualTo("l_bucket is null");
    // values in one bucket: in on the source collapses to = on the partition
    long other = 3;
    while (!bucket.apply(PrimitiveType.LONG, other).equals(b1)) {
      other++;
    }
    assertThat(projected("l in (1, " + other + ")", BUCKET)).isEqualTo("l_bucket = " + b1);
  }

  @Test
  void truncateOfStringsProjectsStartsWith() {
    assertThat(projected("s starts with 'ab'", TRUNC_S)).isEqualTo("s_trunc starts with 'ab'");
    assertThat(projected("s starts with 'abc'", TRUNC_S)).isEqualTo("s_trunc starts with 'abc'");
    assertThat(projected("s starts with 'abcd'", TRUNC_S)).isEqualTo("s_trunc = 'abc'");
    assertThat(projected("s not starts with 'ab'", TRUNC_S)).isEqualTo("s_trunc not starts with 'ab'");
    assertThat(project("s not starts with 'abcd'", TRUNC_S)).isSameAs(Expressions.alwaysTrue());
    assertThat(projected("s = 'abcdef'", TRUNC_S)).isEqualTo("s_trunc = 'abc'");
    assertThat(projected("s < 'abcdef'", TRUNC_S)).isEqualTo("s_trunc <= 'abc'");
    assertThat(projected("s > 'abcdef'", TRUNC_S)).isEqualTo("s_trunc >= 'abc'");
    String emoji = new String(Character.toChars(0x1F600));
    assertThat(projected("s starts with '" + emoji.repeat(4) + "'", TRUNC_S))
        .isEqualTo("s_trunc = '" + emoji.repeat(3) + "'");
  }

  @Test
  void truncateOfNumbersUsesThePredecessorForStrictBounds() {
    assertThat(projected("i < 10", TRUNC_I)).isEqualTo("i_trunc <= 0");
    assertThat(projected("i <= 10", TRUNC_I)).isEqualTo("i_trunc <= 10");
    assertThat(projected("i > 9", TRUNC_I)).isEqualTo("i_trunc >= 10");
    assertThat(projected("i > -1", TRUNC_I)).isEqualTo("i_trunc >= 0");
    assertThat(projected("i = -5", TRUNC_I)).isEqualTo("i_trunc = -10");
    assertThat(projected("i < -2147483648", TRUNC_I)).isEqualTo("false");
    assertThat(projected("i > 2147483647", TRUNC_I)).isEqualTo("false");
    assertThat(projected("dec < 1.00", TRUNC_DEC)).isEqualTo("dec_trunc <= 0.00");
    assertThat(projected("dec > 0.99", TRUNC_DEC)).isEqualTo("dec_trunc >= 1.00");
    assertThat(projected("dec > 9999999.99", TRUNC_DEC)).isEqualTo("false");
  }

  @Test
  void identityKeepsEveryPredicate() {
    for (String filter : List.of("d = 1.5", "d != 1.5", "d < 2", "d in (1, 2)", "d not in (1, 2)", "d is nan",
        "d is not nan", "d is null", "d is not null")) {
      Expression bound = Binder.bind(SCHEMA, parse(filter));
      assertThat(Projections.project(bound, IDENTITY, SCHEMA).toString()).isEqualTo(bound.toString());
    }
    assertThat(projected("s starts with 'x'", spec("s", Transforms.identity()))).isEqualTo("s starts with 'x'");
  }

  @Test
  void voidProjectsNothing() {
    for (String filter : List.of("i = 1", "i < 1", "i is null", "i is not null", "i in (1, 2)")) {
      assertThat(project(filter, VOID)).as(filter).isSameAs(Expressions.alwaysTrue());
    }
  }

  @Test
  void predicatesOnOtherColumnsProjectToTrue() {
    assertThat(project("s = 'a'", DAY)).isSameAs(Expressions.alwaysTrue());
    assertThat(projected("s = 'a' and ts >= '2024-01-02'", DAY)).isEqualTo("ts_day >= '2024-01-02'");
    assertThat(project("s = 'a' or ts >= '2024-01-02'", DAY)).isSameAs(Expressions.alwaysTrue());
    assertThat(projected("ts < '2024-01-02' or ts >= '2024-02-01'", DAY))
        .isEqualTo("ts_day <= '2024-01-01' or ts_day >= '2024-02-01'");
  }

  @Test
  void negationsArePushedDownBeforeProjecting() {
    assertThat(projected("not (ts >= '2024-01-02')", DAY)).isEqualTo("ts_day <= '2024-01-01'");
    assertThat(project("not (ts < '2024-01-02')", DAY).toString()).isEqualTo("ts_day >= '2024-01-02'");
  }

  @Test
  void severalPartitionFieldsOfOneColumnGiveTheConjunction() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA)
        .identity("s").bucket("s", 4).truncate("s", 2).build();
    Object bucket = Transforms.bucket(4).apply(PrimitiveType.STRING, "abc");
    assertThat(projected("s = 'abc'", spec)).isEqualTo("s = 'abc' and s_bucket = " + bucket + " and s_trunc = 'ab'");
    assertThat(projected("s > 'abc'", spec)).isEqualTo("s > 'abc' and s_trunc >= 'ab'");
  }

  @Test
  void projectsNestedSourceColumns() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).truncate("point.inner.label", 1).build();
    assertThat(projected("point.inner.label = 'xyz'", spec)).isEqualTo("`point.inner.label_trunc` = 'x'");
  }

  @Test
  void unknownTransformsProjectToTrue() {
    Transform custom = new Transform() {
      @Override
      public String name() {
        return "custom";
      }

      @Override
      public int parameter() {
        return 0;
      }

      @Override
      public boolean canApplyTo(Type sourceType) {
        return true;
      }

      @Override
      public Type resultType(Type sourceType) {
        return sourceType;
      }

      @Override
      public Object apply(Type sourceType, Object value) {
        return value;
      }

      @Override
      public boolean preservesOrder() {
        return true;
      }

      @Override
      public String toPathString(Type sourceType, Object partitionValue) {
        return String.valueOf(partitionValue);
      }

      @Override
      public String toString() {
        return "custom";
      }
    };
    PartitionSpec spec = new PartitionSpec(1, List.of(new PartitionField(TestSchemas.id("i"), 1000, "c", custom)));
    for (String filter : List.of("i = 1", "i < 1", "i is null")) {
      assertThat(project(filter, spec)).as(filter).isSameAs(Expressions.alwaysTrue());
    }
  }

  @Test
  void projectionsPrintFiltersThatBindToThePartitionStruct() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA)
        .day("ts").bucket("l", 16).truncate("s", 3).identity("dec").identity("point.inner.label").build();
    StructType partition = spec.partitionType(SCHEMA);
    for (String filter : List.of("ts < '2024-01-02' and l in (1, 2) or s starts with 'abcd'",
        "s not starts with 'a' and dec != 1.5 or point.inner.label is null",
        "ts is not null and (l = 7 or dec in (1, 2.25))")) {
      Expression projected = project(filter, spec);
      assertThat(Binder.bind(partition, parse(projected.toString()))).as(filter).isEqualTo(projected);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "ts < '2024-01-02'                        | 2024-01-01 | true",
      "ts < '2024-01-02'                        | 2024-01-02 | false",
      "ts >= '2024-01-02 12:00'                 | 2024-01-02 | true",
      "ts >= '2024-01-02 12:00'                 | 2024-01-01 | false",
      "ts > '2024-01-02 23:59:59.999999'        | 2024-01-02 | false",
  })
  void partitionBoundsOfAManifestArePrunedByTheProjection(String filter, String day, boolean expected) {
    Expression p = project(filter, DAY);
    int fieldId = DAY.fields().get(0).fieldId();
    LocalDate d = LocalDate.parse(day);
    FieldBounds manifest = TestBounds.rows(5).field(fieldId, 0L, null, d, d);
    assertThat(new BoundsEvaluator(p).mightMatch(manifest)).isEqualTo(expected);
  }
}

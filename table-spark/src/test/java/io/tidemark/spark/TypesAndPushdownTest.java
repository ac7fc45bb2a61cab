package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TypesAndPushdownTest extends SparkTestBase {
  private static final Schema ALL_TYPES = Schema.builder()
      .required("id", Types.LONG)
      .optional("b", Types.BOOLEAN)
      .optional("i", Types.INT)
      .optional("f", Types.FLOAT)
      .optional("d", Types.DOUBLE)
      .optional("dt", Types.DATE)
      .optional("ts", Types.TIMESTAMP)
      .optional("ntz", Types.TIMESTAMP_NTZ)
      .optional("s", Types.STRING)
      .optional("bin", Types.BINARY)
      .optional("dec", Types.decimal(12, 3))
      .optional("pt", Types.struct(Types.required("x", Types.INT), Types.optional("y", Types.STRING)))
      .optional("tags", Types.list(Types.STRING))
      .optional("attrs", Types.map(Types.STRING, Types.LONG))
      .build();

  private static Record row(Schema schema, long id) {
    StructType pt = (StructType) schema.findColumn("pt").type();
    Map<String, Long> attrs = new LinkedHashMap<>();
    attrs.put("a", id);
    attrs.put("b", null);
    return Record.of(schema, id, id % 2 == 0, (int) id * 10, id / 4f, id / 8d, LocalDate.of(2024, 1, 1).plusDays(id),
        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 3600).plusNanos(123_000),
        LocalDateTime.of(2024, 1, 1, 12, 0).plusMinutes(id), "s" + id + "\u00e9\uD83D\uDE00",
        ByteBuffer.wrap(new byte[] {(byte) id, (byte) 0xff}), new BigDecimal(id).movePointLeft(3).add(BigDecimal.TEN),
        Record.of(pt, (int) id, id % 3 == 0 ? null : "y" + id), java.util.Arrays.asList("t" + id, null), attrs);
  }

  private static List<Record> libraryRows(Table t) {
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> rows = t.newScan().records()) {
      rows.forEach(r -> out.add(r.toImmutable()));
    }
    return out;
  }

  @Test
  void everyTypeNestedIncludedSurvivesSparkReadAndWriteBack() {
    String path = newLocation("types");
    Table t = Tables.create(path, ALL_TYPES);
    try (AppendWriter w = t.newAppend()) {
      for (long i = 0; i < 20; i++) {
        w.write(row(t.schema(), i));
      }
      w.write(Record.builder(t.schema()).set("id", 99L).build()); // every optional value null
      w.commit();
    }

    Dataset<Row> df = spark.read().format("tidemark").load(path);
    assertThat(df.schema()).isEqualTo(SparkSchemas.toSpark(t.schema()));
    Row first = df.where("id = 3").first();
    assertThat(first.<Boolean>getAs("b")).isFalse();
    assertThat(first.<Integer>getAs("i")).isEqualTo(30);
    assertThat(first.<java.sql.Date>getAs("dt").toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 4));
    assertThat(first.<java.sql.Timestamp>getAs("ts").toInstant())
        .isEqualTo(Instant.parse("2024-01-01T03:00:00.000123Z"));
    assertThat(first.<LocalDateTime>getAs("ntz")).isEqualTo(LocalDateTime.of(2024, 1, 1, 12, 3));
    assertThat(first.<String>getAs("s")).isEqualTo("s3\u00e9\uD83D\uDE00");
    assertThat(first.<byte[]>getAs("bin")).containsExactly(3, 0xff);
    assertThat(first.<BigDecimal>getAs("dec")).isEqualByComparingTo("10.003");
    assertThat(first.<Row>getAs("pt").getInt(0)).isEqualTo(3);
    assertThat(first.<Row>getAs("pt").isNullAt(1)).isTrue();
    assertThat(first.getList(first.fieldIndex("tags"))).containsExactly("t3", null);
    assertThat(first.getJavaMap(first.fieldIndex("attrs"))).containsEntry("a", 3L).containsEntry("b", null);

    // a nested field alone: Spark asks for part of the struct, the scan reads the whole column
    assertThat(df.where("id = 5").select("pt.x", "attrs").first().getInt(0)).isEqualTo(5);

    String copy = newLocation("types-copy");
    df.write().format("tidemark").mode("append").save(copy);
    Table copied = Tables.open(copy);
    List<Record> expected = libraryRows(t);
    List<Record> actual = libraryRows(copied);
    assertThat(actual).hasSize(21);
    // same values column by column (the copy's schema has its own field ids)
    java.util.Map<Long, String> byId = new java.util.HashMap<>();
    expected.forEach(r -> byId.put(r.getLong("id"), r.toString()));
    actual.forEach(r -> assertThat(r.toString()).isEqualTo(byId.get(r.getLong("id"))));
  }

  @Test
  void filtersArePushedExactlyAndPruneFiles() {
    String path = newLocation("pushdown");
    Schema schema = Schema.builder().required("id", Types.LONG).optional("ts", Types.TIMESTAMP)
        .optional("score", Types.DOUBLE).build();
    Table t = Tables.create(path, schema, PartitionSpec.builderFor(schema).day("ts").build(), Map.of());
    Instant day0 = Instant.parse("2024-03-01T00:00:00Z");
    try (AppendWriter w = t.newAppend()) {
      for (long i = 0; i < 300; i++) { // three days, 100 rows a day: one file per day
        w.write(Record.of(schema, i, day0.plusSeconds(i / 100 * 86_400 + i), i == 150 ? Double.NaN : i / 2d));
      }
      w.commit();
    }

    Dataset<Row> oneDay = spark.read().format("tidemark").load(path)
        .where("ts >= timestamp'2024-03-02 00:00:00' and ts < timestamp'2024-03-03 00:00:00'");
    String plan = oneDay.queryExecution().executedPlan().toString();
    assertThat(plan).contains("files=1/3");
    // translated exactly: Spark does not filter again
    assertThat(plan).doesNotContain("Filter (");
    assertThat(oneDay.collectAsList()).hasSize(100);
    org.apache.spark.sql.execution.SparkPlan scanNode = scala.jdk.javaapi.CollectionConverters
        .asJava(oneDay.queryExecution().executedPlan().collectLeaves()).get(0);
    assertThat(scanNode.metrics().get(SparkScan.FILES_MATCHED).get().value()).isEqualTo(1);
    assertThat(scanNode.metrics().get(SparkScan.FILES_TOTAL).get().value()).isEqualTo(3);
    assertThat(oneDay.count()).isEqualTo(100);
    assertThat(oneDay.agg(org.apache.spark.sql.functions.min("id")).first().getLong(0)).isEqualTo(100);

    // on a double column Spark keeps the filter (NaN orders above every number in Spark)
    Dataset<Row> high = spark.read().format("tidemark").load(path).where("score > 140");
    assertThat(high.queryExecution().executedPlan().toString()).contains("Filter");
    assertThat(high.count()).isEqualTo(300 - 281 + 1); // 281..299 and the NaN row

    Dataset<Row> in = spark.read().format("tidemark").load(path).where("id in (1, 150, 299) or id is null");
    assertThat(in.queryExecution().executedPlan().toString()).contains("files=3/3");
    assertThat(in.count()).isEqualTo(3);
    assertThat(spark.read().format("tidemark").load(path).where("not (id < 290)").count()).isEqualTo(10);
  }
}

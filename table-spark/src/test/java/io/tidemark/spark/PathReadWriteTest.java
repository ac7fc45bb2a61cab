package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PathReadWriteTest extends SparkTestBase {

  @Test
  void dataFrameAppendToNewPathCreatesTableTheLibraryReads() {
    String path = newLocation("created");
    spark.range(0, 100).selectExpr("id", "cast(id * 2 as int) as doubled", "concat('n', id) as name")
        .write().format("tidemark").mode("append").save(path);

    Table t = Tables.open(path);
    assertThat(t.schema().columns()).extracting(c -> c.name()).containsExactly("id", "doubled", "name");
    long sum = 0;
    int count = 0;
    try (CloseableIterable<Record> rows = t.newScan().records()) {
      for (Record r : rows) {
        assertThat(r.getInt("doubled")).isEqualTo(r.getLong("id") * 2);
        assertThat(r.getString("name")).isEqualTo("n" + r.getLong("id"));
        sum += r.getLong("id");
        count++;
      }
    }
    assertThat(count).isEqualTo(100);
    assertThat(sum).isEqualTo(4950);
  }

  @Test
  void secondAppendAddsRowsAsOneNewVersion() {
    String path = newLocation("twice");
    spark.range(0, 10).write().format("tidemark").mode("append").save(path);
    long before = Tables.open(path).currentSnapshot().version();
    spark.range(10, 25).write().format("tidemark").mode("append").save(path);

    Table t = Tables.open(path);
    assertThat(t.currentSnapshot().version()).isEqualTo(before + 1);
    assertThat(spark.read().format("tidemark").load(path).count()).isEqualTo(25);
    assertThat(spark.read().format("tidemark").load(path).agg(org.apache.spark.sql.functions.sum("id")).first()
        .getLong(0)).isEqualTo(300);
  }

  @Test
  void readReturnsTheRowsTheLibraryWroteWithColumnPruning() {
    String path = newLocation("library");
    Schema schema = Schema.builder().required("id", Types.LONG).optional("name", Types.STRING)
        .optional("score", Types.INT).build();
    Table t = Tables.create(path, schema);
    try (AppendWriter w = t.newAppend()) {
      for (long i = 0; i < 50; i++) {
        w.write(Record.of(schema, i, i % 5 == 0 ? null : "v" + i, (int) (i * 3)));
      }
      w.commit();
    }

    Dataset<Row> df = spark.read().format("tidemark").load(path).select("score", "id").orderBy("id");
    assertThat(df.schema().fieldNames()).containsExactly("score", "id");
    List<Row> rows = df.collectAsList();
    assertThat(rows).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(rows.get(i).getInt(0)).isEqualTo(i * 3);
      assertThat(rows.get(i).getLong(1)).isEqualTo(i);
    }
    assertThat(spark.read().format("tidemark").load(path).where("name is null").count()).isEqualTo(10);
  }

  @Test
  void pathWriteMatchesColumnsByNameAndLeavesMissingOnesNull() {
    String path = newLocation("by-name");
    spark.range(0, 3).selectExpr("id", "concat('a', id) as name", "if(id >= 0, cast(id as int), null) as n")
        .write().format("tidemark").mode("append").save(path);
    spark.range(3, 5).selectExpr("concat('b', id) as name", "id")
        .write().format("tidemark").mode("append").save(path);

    List<Row> rows = spark.read().format("tidemark").load(path).orderBy("id").collectAsList();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(4).getString(1)).isEqualTo("b4");
    assertThat(rows.get(4).isNullAt(2)).isTrue();
    assertThat(rows.get(2).getInt(2)).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> spark.range(0, 1).selectExpr("id", "1 as extra")
        .write().format("tidemark").mode("append").save(path)).hasMessageContaining("'extra' is not in the table");
  }

  @Test
  void readingAPathWithoutTableFailsNamingIt() {
    String path = newLocation("nothing-here");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> spark.read().format("tidemark").load(path).count())
        .isInstanceOf(io.tidemark.spec.error.TableNotFoundException.class)
        .hasMessageContaining(path);
  }

  @Test
  void overwriteModeReplacesEveryRow() {
    String path = newLocation("overwrite");
    spark.range(0, 10).write().format("tidemark").mode("append").save(path);
    spark.range(100, 103).write().format("tidemark").mode("overwrite").save(path);

    List<Long> ids = new ArrayList<>();
    for (Row r : spark.read().format("tidemark").load(path).orderBy("id").collectAsList()) {
      ids.add(r.getLong(0));
    }
    assertThat(ids).containsExactly(100L, 101L, 102L);
  }
}

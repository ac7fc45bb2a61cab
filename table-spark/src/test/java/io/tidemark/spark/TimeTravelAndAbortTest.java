package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class TimeTravelAndAbortTest extends SparkTestBase {
  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  @Test
  void readsOlderVersionsByVersionAndTimestamp() throws Exception {
    String path = newLocation("travel");
    spark.range(0, 10).write().format("tidemark").mode("append").save(path); // v0 create, v1 append
    Table t = Tables.open(path);
    long v1 = t.currentSnapshot().version();
    Instant afterV1 = t.currentSnapshot().timestamp();
    Thread.sleep(5); // in-commit timestamps are milliseconds; the next commit gets a later one
    spark.range(10, 30).write().format("tidemark").mode("append").save(path);

    assertThat(spark.read().format("tidemark").load(path).count()).isEqualTo(30);
    assertThat(spark.read().format("tidemark").option("versionAsOf", v1).load(path).count()).isEqualTo(10);
    assertThat(spark.read().format("tidemark").option("timestampAsOf", SQL_TIME.format(afterV1)).load(path).count())
        .isEqualTo(10);
    assertThat(sql("SELECT count(*) FROM tm.`" + path + "` VERSION AS OF " + v1).get(0).getLong(0)).isEqualTo(10);
    assertThat(sql("SELECT count(*) FROM tm.`" + path + "` TIMESTAMP AS OF '" + SQL_TIME.format(afterV1) + "'")
        .get(0).getLong(0)).isEqualTo(10);
    assertThatThrownBy(() -> spark.read().format("tidemark").option("versionAsOf", 99).load(path).count())
        .hasMessageContaining("99");
  }

  @Test
  void jobThatFailsInATaskCommitsNothing() {
    String path = newLocation("abort");
    spark.range(0, 10).write().format("tidemark").mode("append").save(path);
    long version = Tables.open(path).currentSnapshot().version();
    spark.udf().register("failAt", (UDF1<Long, Long>) id -> {
      if (id == 777) {
        throw new IllegalStateException("task fails on purpose");
      }
      return id;
    }, DataTypes.LongType);

    assertThatThrownBy(() -> spark.range(0, 1000, 1, 4).selectExpr("failAt(id) as id")
        .write().format("tidemark").mode("append").save(path))
        .hasStackTraceContaining("task fails on purpose");

    Table t = Tables.open(path);
    assertThat(t.currentSnapshot().version()).isEqualTo(version);
    assertThat(spark.read().format("tidemark").load(path).count()).isEqualTo(10);
  }
}

package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spark that retries failed tasks ({@code local[2,3]}): retried attempts must not add rows twice. */
class TaskRetryTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
    spark = SparkSession.builder().master("local[2,3]").appName("tidemark-retry")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void taskRetriedAfterFailingMidWriteAddsItsRowsOnce(@TempDir Path dir) throws Exception {
    String path = dir.resolve("t").toString();
    spark.udf().register("failFirstAttempt", (UDF1<Long, Long> & java.io.Serializable) id -> {
      TaskContext ctx = TaskContext.get();
      if (ctx.attemptNumber() == 0 && id % 1000 == 999) { // late in each partition: files already started
        throw new IllegalStateException("first attempt fails");
      }
      return id;
    }, DataTypes.LongType);

    spark.range(0, 4000, 1, 4).selectExpr("failFirstAttempt(id) as id")
        .write().format("tidemark").mode("append").save(path);

    Table t = Tables.open(path);
    assertThat(t.currentSnapshot().recordCount()).isEqualTo(4000);
    assertThat(spark.read().format("tidemark").load(path).distinct().count()).isEqualTo(4000);
    assertThat(spark.read().format("tidemark").load(path).agg(org.apache.spark.sql.functions.sum("id")).first()
        .getLong(0)).isEqualTo(4000L * 3999 / 2);
    // the failed attempts deleted what they had written: every data file is a committed one
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir.resolve("t/data"))) {
      s.filter(p -> p.toString().endsWith(".parquet")).forEach(files::add);
    }
    assertThat((long) files.size()).isEqualTo(t.newScan().plan().metrics().filesTotal());
  }
}

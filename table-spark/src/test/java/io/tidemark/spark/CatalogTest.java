package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CatalogTest extends SparkTestBase {

  private static List<String> column(String query, int i) {
    return sql(query).stream().map(r -> String.valueOf(r.get(i))).collect(Collectors.toList());
  }

  @Test
  void createInsertSelectDescribeAndDropWithHiddenPartitioning() throws Exception {
    sql("CREATE TABLE tm.db.events (id BIGINT, ts TIMESTAMP, name STRING, code STRING) USING tidemark"
        + " PARTITIONED BY (days(ts), bucket(4, id), truncate(code, 2))");
    String location = dir.resolve("warehouse/db/events").toString();
    Table t = Tables.open(location);
    assertThat(t.currentSnapshot().metadata().defaultSpec().format(t.schema()))
        .isEqualTo(io.tidemark.spec.partition.PartitionSpec.builderFor(t.schema()).day("ts").bucket("id", 4)
            .truncate("code", 2).build().format(t.schema()));

    sql("INSERT INTO tm.db.events VALUES (1, timestamp'2024-01-01 10:00:00', 'a', 'xy1'),"
        + " (2, timestamp'2024-01-02 11:00:00', 'b', 'xy2'), (3, timestamp'2024-01-02 12:00:00', null, 'zz')");
    assertThat(column("SELECT id FROM tm.db.events WHERE ts >= '2024-01-02' ORDER BY id", 0))
        .containsExactly("2", "3");
    assertThat(column("SELECT name FROM tm.db.events WHERE id = 1", 0)).containsExactly("a");
    assertThat(column("SHOW TABLES IN tm.db", 1)).contains("events");

    List<Row> described = sql("DESCRIBE TABLE tm.db.events");
    assertThat(described.stream().map(r -> r.getString(0)).toList()).contains("id", "ts", "name", "code");
    assertThat(described.stream().map(r -> r.getString(1)).toList())
        .contains("days(ts)", "bucket(4, id)");

    sql("DROP TABLE tm.db.events");
    assertThat(spark.catalog().tableExists("tm.db.events")).isFalse();
    assertThat(Files.exists(dir.resolve("warehouse/db/events/data"))).isTrue(); // data kept
    assertThatThrownBy(() -> Tables.open(location)).isInstanceOf(io.tidemark.spec.error.TableNotFoundException.class);
  }

  @Test
  void alterTableAddsRenamesAndDropsColumns() throws Exception {
    sql("CREATE TABLE tm.db.people (id BIGINT, name STRING) USING tidemark");
    sql("INSERT INTO tm.db.people VALUES (1, 'ann')");
    sql("ALTER TABLE tm.db.people ADD COLUMN age INT");
    sql("INSERT INTO tm.db.people VALUES (2, 'bob', 40)");
    sql("ALTER TABLE tm.db.people RENAME COLUMN name TO full_name");
    assertThat(column("SELECT full_name, age FROM tm.db.people ORDER BY id", 0)).containsExactly("ann", "bob");
    assertThat(column("SELECT full_name, age FROM tm.db.people ORDER BY id", 1)).containsExactly("null", "40");
    sql("ALTER TABLE tm.db.people ALTER COLUMN age TYPE BIGINT");
    assertThat(spark.table("tm.db.people").where("id = 2").first().getLong(2)).isEqualTo(40L);
    sql("ALTER TABLE tm.db.people DROP COLUMN age");
    assertThat(spark.table("tm.db.people").columns()).containsExactly("id", "full_name");
    sql("DROP TABLE tm.db.people PURGE");
    try (var files = Files.walk(dir.resolve("warehouse/db/people"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void deleteFromAndOverwriteByFilterGoThroughTheLibrary() throws Exception {
    sql("CREATE TABLE tm.db.ledger (id BIGINT, day DATE) USING tidemark PARTITIONED BY (day)");
    spark.range(0, 30).selectExpr("id", "date_add(date'2024-05-01', cast(id % 3 as int)) as day")
        .writeTo("tm.db.ledger").append();
    sql("DELETE FROM tm.db.ledger WHERE day = date'2024-05-02'");
    assertThat(spark.table("tm.db.ledger").count()).isEqualTo(20);
    assertThat(spark.table("tm.db.ledger").where("day = '2024-05-02'").count()).isZero();

    spark.range(100, 105).selectExpr("id", "date'2024-05-03' as day")
        .writeTo("tm.db.ledger").overwrite(org.apache.spark.sql.functions.col("day").equalTo(
            org.apache.spark.sql.functions.lit(java.sql.Date.valueOf("2024-05-03"))));
    assertThat(spark.table("tm.db.ledger").where("day = '2024-05-03'").count()).isEqualTo(5);
    assertThat(spark.table("tm.db.ledger").count()).isEqualTo(15);
  }

  @Test
  void dynamicPartitionOverwriteReplacesOnlyThePartitionsWritten() throws Exception {
    sql("CREATE TABLE tm.db.daily (id BIGINT, ts TIMESTAMP, kind STRING) USING tidemark"
        + " PARTITIONED BY (days(ts), kind)");
    spark.range(0, 40).selectExpr("id", "timestamp'2024-06-01 00:00:00' + make_interval(0, 0, 0, cast(id % 4 as int)) as ts",
        "if(id % 2 = 0, 'even', 'odd') as kind").writeTo("tm.db.daily").append();
    // days 1..4 hold 10 rows each; day 2 ('odd' ids 1, 5, ...) and day 3 ('even' ids 2, 6, ...)
    spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
    try {
      sql("INSERT OVERWRITE tm.db.daily VALUES (100, timestamp'2024-06-02 08:00:00', 'odd'),"
          + " (101, timestamp'2024-06-09 08:00:00', 'even')");
    } finally {
      spark.conf().unset("spark.sql.sources.partitionOverwriteMode");
    }
    assertThat(spark.table("tm.db.daily").count()).isEqualTo(40 - 10 + 2);
    assertThat(column("SELECT id FROM tm.db.daily WHERE ts >= '2024-06-02' AND ts < '2024-06-03' ORDER BY id", 0))
        .containsExactly("100");
    assertThat(spark.table("tm.db.daily").where("ts >= '2024-06-03' AND ts < '2024-06-04'").count()).isEqualTo(10);

    spark.range(200, 203).selectExpr("id", "timestamp'2024-06-03 01:00:00'", "'even'")
        .toDF("id", "ts", "kind").writeTo("tm.db.daily").overwritePartitions();
    assertThat(column("SELECT id FROM tm.db.daily WHERE ts >= '2024-06-03' AND ts < '2024-06-04' ORDER BY id", 0))
        .containsExactly("200", "201", "202");
    assertThat(spark.table("tm.db.daily").count()).isEqualTo(32 - 10 + 3);
  }

  @Test
  void createTableAsSelectAndConcurrentAppendsAllLand() throws Exception {
    sql("CREATE TABLE tm.db.ctas USING tidemark PARTITIONED BY (bucket(2, id)) AS SELECT id, id * 2 AS twice"
        + " FROM range(0, 10)");
    assertThat(sql("SELECT sum(twice) FROM tm.db.ctas").get(0).getLong(0)).isEqualTo(90);
    long before = Tables.open(dir.resolve("warehouse/db/ctas").toString()).currentSnapshot().version();

    int writers = 4;
    List<Thread> threads = new java.util.ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (int w = 0; w < writers; w++) {
      long from = 100 + w * 100L;
      Thread th = new Thread(() -> {
        try {
          spark.range(from, from + 100).selectExpr("id", "id * 2 AS twice").writeTo("tm.db.ctas").append();
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(failures).isEmpty();
    Table t = Tables.open(dir.resolve("warehouse/db/ctas").toString());
    assertThat(t.currentSnapshot().version()).isEqualTo(before + writers);
    assertThat(t.history().stream().map(h -> h.version()).toList())
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, before + writers).boxed().toList());
    assertThat(spark.table("tm.db.ctas").count()).isEqualTo(10 + writers * 100);
    assertThat(spark.table("tm.db.ctas").distinct().count()).isEqualTo(10 + writers * 100);
  }

  @Test
  void historyMetadataTableListsEveryVersion() {
    sql("CREATE TABLE tm.db.hist (id BIGINT) USING tidemark");
    sql("INSERT INTO tm.db.hist VALUES (1), (2)");
    sql("DELETE FROM tm.db.hist WHERE id = 1");
    List<Row> rows = sql("SELECT version, operation, metrics['numOutputRows'], blind_append FROM tm.db.hist.history"
        + " ORDER BY version");
    assertThat(rows.stream().map(r -> r.getLong(0)).toList()).containsExactly(0L, 1L, 2L);
    assertThat(rows.stream().map(r -> r.getString(1)).toList()).containsExactly("CREATE TABLE", "WRITE", "DELETE");
    assertThat(rows.get(1).getLong(2)).isEqualTo(2);
    assertThat(rows.get(1).getBoolean(3)).isTrue();
    assertThat(rows.get(2).getBoolean(3)).isFalse();
  }

  @Test
  void updateAndMergeFailSayingTheyAreNotSupported() {
    sql("CREATE TABLE tm.db.upd (id BIGINT, v STRING) USING tidemark");
    assertThatThrownBy(() -> sql("UPDATE tm.db.upd SET v = 'x' WHERE id = 1"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> sql("MERGE INTO tm.db.upd t USING (SELECT 1L AS id, 'y' AS v) s ON t.id = s.id"
        + " WHEN MATCHED THEN UPDATE SET v = s.v"))
        .hasMessageContaining("not supported");
  }

  @Test
  void pathTablesAreReachableThroughTheCatalog() {
    String path = newLocation("by-path");
    spark.range(0, 7).write().format("tidemark").mode("append").save(path);
    assertThat(sql("SELECT count(*) FROM tm.`" + path + "`").get(0).getLong(0)).isEqualTo(7);
    sql("INSERT INTO tm.`" + path + "` VALUES (7)");
    assertThat(Tables.open(path).currentSnapshot().recordCount()).isEqualTo(8);
  }
}

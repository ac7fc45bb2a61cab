package io.tidemark.spark.plain;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Run by {@code RuntimeJarIT} in a JVM whose classpath is Spark's plus only the runtime jar: uses
 * nothing of Tidemark but names. Prints {@code OK <count> <sum> <sqlCount>}.
 */
public final class PlainSparkMain {
  private PlainSparkMain() {}

  private static boolean loads(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Arguments: the path table's location, the catalog's warehouse. */
  public static void main(String[] args) {
    String table = args[0];
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2").config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.catalog.tm", "io.tidemark.spark.TidemarkCatalog")
        .config("spark.sql.catalog.tm.warehouse", args[1]).getOrCreate();
    try {
      spark.range(0, 100).selectExpr("id", "concat('v', id) as v").write().format("tidemark").mode("append").save(table);
      long count = spark.read().format("tidemark").load(table).where("id >= 50").count();
      long sum = spark.read().format("tidemark").load(table).agg(org.apache.spark.sql.functions.sum("id")).first()
          .getLong(0);
      spark.sql("CREATE TABLE tm.db.t (id BIGINT, day DATE) USING tidemark PARTITIONED BY (days(day))");
      spark.sql("INSERT INTO tm.db.t VALUES (1, date'2024-01-01'), (2, date'2024-01-02')");
      List<Row> rows = spark.sql("SELECT count(*) FROM tm.db.t WHERE day = date'2024-01-02'").collectAsList();
      System.out.println("OK " + count + " " + sum + " " + rows.get(0).getLong(0));
      System.out.println("UNSHADED PARQUET " + loads("org.apache.parquet.hadoop.ParquetWriter"));
    } finally {
      spark.stop();
    }
  }
}

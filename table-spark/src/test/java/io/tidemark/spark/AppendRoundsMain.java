package io.tidemark.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Run by {@link TwoApplicationsAppendTest} in a JVM of its own: a Spark application
 * ({@code local[1]}) that appends {@code rounds} batches of 10 rows to a path table, ids
 * {@code writer * 1_000_000 + round * 10 + i}, then prints {@code DONE}.
 */
public final class AppendRoundsMain {
  private AppendRoundsMain() {}

  /** Arguments: the table's location, the writer's number, the rounds. */
  public static void main(String[] args) {
    String path = args[0];
    long writer = Long.parseLong(args[1]);
    int rounds = Integer.parseInt(args[2]);
    SparkSession spark = SparkSession.builder().master("local[1]").appName("writer-" + writer)
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    try {
      for (int r = 0; r < rounds; r++) {
        long from = writer * 1_000_000 + r * 10L;
        spark.range(from, from + 10).selectExpr("id", "cast(" + writer + " AS INT) AS writer").write()
            .format("tidemark").mode("append").save(path);
      }
      System.out.println("DONE");
    } finally {
      spark.stop();
    }
  }
}

package io.tidemark.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local Spark session per test class ({@code local[2]}, no UI, few shuffle partitions), with
 * a catalog {@code tm} whose warehouse is a temporary directory.
 */
abstract class SparkTestBase {
  static SparkSession spark;
  static Path dir;

  @BeforeAll
  static void startSpark() throws IOException {
    dir = Files.createTempDirectory("tidemark-spark");
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("tidemark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.catalog.tm", TidemarkCatalog.class.getName())
        .config("spark.sql.catalog.tm.warehouse", dir.resolve("warehouse").toString())
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() throws IOException {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A fresh table location under the test directory. */
  static String newLocation(String name) {
    return dir.resolve("tables").resolve(name).toString();
  }

  static List<Row> sql(String query) {
    return spark.sql(query).collectAsList();
  }
}

package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.TableOptions;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tables on S3 (the in-process S3Proxy) configured only through Spark options: the catalog's
 * ({@code spark.sql.catalog.<name>.s3.*}) and a path read or write's ({@code option("s3.*")}).
 * No system property holds the endpoint or the keys: the credentials come from the
 * {@code s3.credentials-provider} option, on the driver and on the executors.
 */
class S3OptionsTest extends SparkTestBase {
  private static IsolatedS3 env;

  @BeforeAll
  static void startS3() throws Exception {
    env = IsolatedS3.start();
  }

  @AfterEach
  void cleanUp() {
    env.cleanUp();
  }

  @AfterAll
  static void stopS3() throws Exception {
    env.close();
  }

  @BeforeEach
  void noKeysInSystemProperties() {
    assertThat(System.getProperty("aws.accessKeyId")).isNull();
    assertThat(System.getProperty("aws.endpointUrlS3")).isNull();
  }

  /** A catalog on a fresh warehouse under the test's prefix, configured by catalog options. */
  private static String newCatalog() {
    String name = "s3tm" + UUID.randomUUID().toString().substring(0, 6);
    spark.conf().set("spark.sql.catalog." + name, TidemarkCatalog.class.getName());
    spark.conf().set("spark.sql.catalog." + name + ".warehouse", env.newPrefix() + "/warehouse");
    env.tableOptions().forEach((k, v) -> spark.conf().set("spark.sql.catalog." + name + "." + k, v));
    return name;
  }

  private static List<Long> ids(Table table) {
    List<Long> out = new ArrayList<>();
    try (CloseableIterable<Record> rows = table.newScan().records()) {
      rows.forEach(r -> out.add(r.getLong("id")));
    }
    return out;
  }

  @Test
  void catalogOptionsReachTheDriverAndTheExecutors() throws Exception {
    String tm = newCatalog();
    String warehouse = spark.conf().get("spark.sql.catalog." + tm + ".warehouse");
    sql("CREATE TABLE " + tm + ".db.events (id BIGINT, day DATE) USING tidemark PARTITIONED BY (day)");
    spark.range(0, 40).selectExpr("id", "date_add(date'2024-05-01', cast(id % 4 as int)) as day")
        .writeTo(tm + ".db.events").append();
    sql("INSERT INTO " + tm + ".db.events VALUES (100, date'2024-06-01')");
    sql("DELETE FROM " + tm + ".db.events WHERE day = date'2024-05-02'");

    Row totals = sql("SELECT count(*), sum(id) FROM " + tm + ".db.events").get(0);
    assertThat(totals.getLong(0)).isEqualTo(31);
    assertThat(totals.getLong(1)).isEqualTo(780 - 190 + 100);
    assertThat(sql("SHOW TABLES IN " + tm + ".db").stream().map(r -> r.getString(1)).toList()).containsExactly("events");
    try (Table table = Tables.open(warehouse + "/db/events", TableOptions.of(env.tableOptions()))) {
      assertThat(ids(table)).hasSize(31).doesNotContain(1L, 5L).contains(0L, 100L);
      assertThat(table.currentSnapshot().dataFiles()).allSatisfy(f -> assertThat(f.path()).startsWith("data/day="));
    }
    sql("DROP TABLE " + tm + ".db.events PURGE");
    try (FileIO io = FileIOs.forLocation(warehouse, env.tableOptions())) {
      assertThat(io.list(warehouse + "/", null)).isEmpty();
    }
  }

  @Test
  void pathWritesAndReadsTakeTheirStorageFromTheirOptions() {
    String path = env.newPrefix() + "/payments";
    Map<String, String> options = env.tableOptions();
    DataFrameWriter<Row> writer = spark.range(0, 50).selectExpr("id", "id * 10 as amount").write().format("tidemark")
        .mode("append");
    writer.options(options).save(path);
    spark.range(50, 60).selectExpr("id", "id * 10 as amount").write().format("tidemark").mode("append")
        .options(options).save(path);

    DataFrameReader reader = spark.read().format("tidemark").options(options);
    assertThat(reader.load(path).count()).isEqualTo(60);
    assertThat(reader.load(path).where("id >= 55").selectExpr("sum(amount)").first().getLong(0))
        .isEqualTo(10L * (55 + 56 + 57 + 58 + 59));
    assertThat(spark.read().format("tidemark").options(options).option("versionAsOf", 1).load(path).count())
        .isEqualTo(50);
    try (Table table = Tables.open(path, TableOptions.of(options))) {
      assertThat(ids(table)).hasSize(60);
    }
  }

  @Test
  void aMisspeltStorageOptionIsRefusedNamingIt() {
    String path = env.newPrefix() + "/t";
    assertThatThrownBy(() -> spark.read().format("tidemark").option("s3.endpont", "http://localhost:1").load(path)
        .count()).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'s3.endpont'")
        .hasMessageContaining("did you mean 's3.endpoint'?");

    spark.conf().set("spark.sql.catalog.badtm", TidemarkCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.badtm.warehouse", env.newPrefix());
    spark.conf().set("spark.sql.catalog.badtm.s3.regon", "us-east-1");
    assertThatThrownBy(() -> sql("SHOW TABLES IN badtm.db")).hasStackTraceContaining("'s3.regon'")
        .hasStackTraceContaining("did you mean 's3.region'?");
  }
}

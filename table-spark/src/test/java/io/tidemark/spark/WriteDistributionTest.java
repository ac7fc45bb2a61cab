package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Writes are clustered by partition before the tasks write (RequiresDistributionAndOrdering), so
 * rows coming from many input partitions still make one file per table partition.
 */
class WriteDistributionTest extends SparkTestBase {

  private static Map<Map<String, Object>, Long> filesPerPartition(String location) {
    try (Table t = Tables.open(location)) {
      Collection<DataFile> files = t.refresh().dataFiles();
      return files.stream().collect(Collectors.groupingBy(DataFile::partitionValues, Collectors.counting()));
    }
  }

  @Test
  void rowsFromManyTasksMakeOneFilePerPartitionForEveryTransform() throws Exception {
    sql("CREATE TABLE tm.db.spread (id BIGINT, ts TIMESTAMP, code STRING) USING tidemark"
        + " PARTITIONED BY (days(ts), bucket(4, id), truncate(code, 1))");
    // 8 input partitions, each holding rows of every table partition
    spark.range(0, 800, 1, 8).selectExpr("id", "timestamp'2024-03-01 00:00:00' + make_interval(0, 0, 0, cast(id % 3 AS INT))"
        + " AS ts", "concat(CASE WHEN id % 2 = 0 THEN 'a' ELSE 'b' END, id) AS code").writeTo("tm.db.spread").append();

    Map<Map<String, Object>, Long> files = filesPerPartition(dir.resolve("warehouse/db/spread").toString());
    assertThat(files.keySet()).hasSize(3 * 4 * 2);
    assertThat(files.values()).allMatch(n -> n == 1);
    assertThat(spark.table("tm.db.spread").count()).isEqualTo(800);
  }

  @Test
  void aPathWriteIsClusteredByItsIdentityPartitions() {
    String path = newLocation("by_day");
    Schema schema = Schema.builder().required("id", Types.LONG).optional("day", Types.DATE).build();
    Tables.create(path, schema, PartitionSpec.builderFor(schema).identity("day").build(), Map.of()).close();
    spark.range(0, 600, 1, 6).selectExpr("id", "date_add(date'2024-03-01', cast(id % 4 AS INT)) AS day").write()
        .format("tidemark").mode("append").save(path);

    Map<Map<String, Object>, Long> files = filesPerPartition(path);
    assertThat(files).hasSize(4).allSatisfy((partition, n) -> assertThat(n).isEqualTo(1));
    assertThat(files.keySet().stream().map(p -> p.get("day"))).contains(LocalDate.parse("2024-03-04"));
  }

  @Test
  void theCatalogsTransformFunctionsGiveTidemarksPartitionValues() {
    Row r = sql("SELECT tm.system.bucket(16, 123456789L), tm.system.days(timestamp'2024-03-02 10:00:00'),"
        + " tm.system.truncate('tidemark', 4), tm.system.years(date'2030-07-01')").get(0);
    assertThat(r.getInt(0)).isEqualTo(Transforms.bucket(16).apply(PrimitiveType.LONG, 123456789L));
    assertThat(r.get(1).toString()).isEqualTo("2024-03-02");
    assertThat(r.getString(2)).isEqualTo("tide");
    assertThat(r.getInt(3)).isEqualTo(Transforms.parse("year").apply(PrimitiveType.DATE, LocalDate.parse("2030-07-01")));
  }
}

package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CTAS and RTAS through the catalog's staged tables. */
class StagedCreateReplaceTest extends SparkTestBase {

  private static long versionOf(String name) {
    try (Table t = Tables.open(dir.resolve("warehouse/db/" + name).toString())) {
      return t.refresh().version();
    }
  }

  @Test
  void aFailingCreateTableAsSelectLeavesNoTableAndNoFiles() throws Exception {
    // the query fails in its tasks, after some of them may have written files
    assertThatThrownBy(() -> sql("CREATE TABLE tm.db.broken USING tidemark AS SELECT id,"
        + " coalesce(cast(assert_true(id < 50) AS INT), 1) AS ok FROM range(0, 100, 1, 4)"))
        .hasStackTraceContaining("is not true");
    assertThat(spark.catalog().tableExists("tm.db.broken")).isFalse();
    Path location = dir.resolve("warehouse/db/broken");
    if (Files.exists(location)) {
      try (var files = Files.walk(location)) {
        assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
      }
    }
    sql("CREATE TABLE tm.db.broken USING tidemark AS SELECT id FROM range(0, 5)");
    assertThat(spark.table("tm.db.broken").count()).isEqualTo(5);
  }

  @Test
  void replaceTableAsSelectSwapsEveryRowInOneCommitAndAFailedOneChangesNothing() {
    sql("CREATE TABLE tm.db.swap USING tidemark PARTITIONED BY (bucket(2, id)) AS SELECT id, id * 2 AS twice"
        + " FROM range(0, 10)");
    long before = versionOf("swap");
    sql("REPLACE TABLE tm.db.swap USING tidemark PARTITIONED BY (bucket(2, id)) AS SELECT id, id * 3 AS twice"
        + " FROM range(100, 105)");
    assertThat(versionOf("swap")).isEqualTo(before + 1);
    assertThat(sql("SELECT id, twice FROM tm.db.swap ORDER BY id").stream().map(r -> r.getLong(0) + ":" + r.getLong(1))
        .toList()).containsExactly("100:300", "101:303", "102:306", "103:309", "104:312");
    // the rows before the replacement are still there by time travel
    assertThat(spark.read().option("versionAsOf", before).table("tm.db.swap").count()).isEqualTo(10);

    assertThatThrownBy(() -> sql("REPLACE TABLE tm.db.swap USING tidemark PARTITIONED BY (bucket(2, id)) AS SELECT"
        + " id, coalesce(cast(assert_true(id < 0) AS BIGINT), id) AS twice FROM range(0, 10)"))
        .hasStackTraceContaining("is not true");
    assertThat(versionOf("swap")).isEqualTo(before + 1);
    assertThat(spark.table("tm.db.swap").count()).isEqualTo(5);

    assertThatThrownBy(() -> sql("REPLACE TABLE tm.db.swap USING tidemark AS SELECT 'x' AS other"))
        .hasMessageContaining("not supported yet by Tidemark").hasMessageContaining("DROP TABLE");
    assertThat(spark.table("tm.db.swap").columns()).containsExactly("id", "twice");
    assertThat(List.of(spark.table("tm.db.swap").count())).containsExactly(5L);
  }

  @Test
  void replaceTableWithoutAQueryEmptiesItInOneCommit() {
    sql("CREATE TABLE tm.db.emptied USING tidemark AS SELECT id, CAST('x' AS STRING) AS name FROM range(0, 7)");
    long before = versionOf("emptied");
    sql("REPLACE TABLE tm.db.emptied (id BIGINT, name STRING) USING tidemark");
    assertThat(versionOf("emptied")).isEqualTo(before + 1);
    assertThat(spark.table("tm.db.emptied").count()).isZero();
    assertThat(spark.read().option("versionAsOf", before).table("tm.db.emptied").count()).isEqualTo(7);
  }
}

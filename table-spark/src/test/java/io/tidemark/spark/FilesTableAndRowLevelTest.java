package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class FilesTableAndRowLevelTest extends SparkTestBase {

  @Test
  void filesMetadataTableListsTheLiveFilesAsTheLibraryDescribesThem() throws Exception {
    sql("CREATE TABLE tm.db.fs (id BIGINT, day DATE) USING tidemark PARTITIONED BY (day)"
        + " TBLPROPERTIES ('" + TableProperties.DELETE_MODE + "'='" + TableProperties.DELETE_MODE_MERGE_ON_READ + "')");
    spark.range(0, 30).selectExpr("id", "date_add(date'2024-05-01', cast(id % 3 as int)) as day").coalesce(1)
        .writeTo("tm.db.fs").append();
    sql("DELETE FROM tm.db.fs WHERE id = 4 OR id = 7"); // merge-on-read: a deletion vector on the 05-02 file

    Table table = Tables.open(dir.resolve("warehouse/db/fs").toString());
    List<DataFile> files = table.refresh().dataFiles().stream().sorted(Comparator.comparing(DataFile::path)).toList();
    List<Row> rows = sql("SELECT path, spec_id, partition, record_count, deleted_record_count, size_bytes"
        + " FROM tm.db.fs.files ORDER BY path");
    assertThat(rows).hasSize(3).hasSize(files.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      DataFile f = files.get(i);
      assertThat(r.getString(0)).isEqualTo(f.path());
      assertThat(r.getInt(1)).isEqualTo(f.specId());
      assertThat(r.<String, String>getJavaMap(2)).isEqualTo(Map.of("day", f.partitionValues().get("day").toString()));
      assertThat(r.getLong(3)).isEqualTo(f.recordCount()).isEqualTo(10);
      assertThat(r.getLong(4)).isEqualTo(f.deletedRecordCount());
      assertThat(r.getLong(5)).isEqualTo(f.fileSizeBytes()).isPositive();
    }
    assertThat(rows.stream().map(r -> r.<String, String>getJavaMap(2).get("day")).toList())
        .containsExactly("2024-05-01", "2024-05-02", "2024-05-03");
    assertThat(rows.stream().mapToLong(r -> r.getLong(4)).sum()).isEqualTo(2);
    assertThat(sql("SELECT sum(record_count - deleted_record_count) FROM tm.db.fs.files").get(0).getLong(0))
        .isEqualTo(spark.table("tm.db.fs").count()).isEqualTo(28);
  }

  @Test
  void updateMergeAndUntranslatableDeletesFailWithTidemarksNotSupportedYetMessageAndChangeNothing() {
    sql("CREATE TABLE tm.db.rl (id BIGINT, name STRING) USING tidemark");
    sql("INSERT INTO tm.db.rl VALUES (1, 'a'), (2, 'b')");
    long version = Tables.open(dir.resolve("warehouse/db/rl").toString()).refresh().version();

    assertThatThrownBy(() -> sql("UPDATE tm.db.rl SET name = 'z' WHERE id = 1"))
        .hasMessageContaining("UPDATE is not supported yet by Tidemark");
    spark.range(1, 4).selectExpr("id", "concat('n', id) as name").createOrReplaceTempView("src");
    assertThatThrownBy(() -> sql("MERGE INTO tm.db.rl t USING src s ON t.id = s.id"
        + " WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *"))
        .hasMessageContaining("MERGE INTO is not supported yet by Tidemark");
    assertThatThrownBy(() -> sql("DELETE FROM tm.db.rl WHERE length(name) = 1"))
        .hasMessageContaining("DELETE with this condition is not supported yet by Tidemark");
    assertThat(Tables.open(dir.resolve("warehouse/db/rl").toString()).refresh().version()).isEqualTo(version);
    assertThat(sql("SELECT name FROM tm.db.rl ORDER BY id").stream().map(r -> r.getString(0)).toList())
        .containsExactly("a", "b");
  }
}

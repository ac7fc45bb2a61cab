package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Tables the library wrote, checkpointed and evolved (columns renamed, dropped and added, the
 * partition spec changed), read by Spark: the rows equal the library's scan of the same version,
 * by field id; and a table Spark wrote reads the same through the library.
 */
class EvolvedTablesTest extends SparkTestBase {

  /** Each row as "v1|v2|...", in the order of the columns, sorted: Spark's and the library's alike. */
  private static List<String> sparkRows(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        values.add(String.valueOf(r.get(i)));
      }
      out.add(String.join("|", values));
    }
    return out.stream().sorted().toList();
  }

  private static List<String> libraryRows(io.tidemark.core.Scan scan) {
    List<String> out = new ArrayList<>();
    try (CloseableIterable<Record> rows = scan.records()) {
      for (Record r : rows) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
          values.add(String.valueOf(r.get(i)));
        }
        out.add(String.join("|", values));
      }
    }
    return out.stream().sorted().toList();
  }

  private static void append(Table t, List<Object[]> rows) {
    try (AppendWriter w = t.newAppend()) {
      for (Object[] values : rows) {
        w.write(Record.of(t.schema(), values));
      }
      w.commit();
    }
  }

  @Test
  void checkpointedAndEvolvedTableReadsAsTheLibraryReadsIt() {
    String path = newLocation("evolved");
    Schema schema = Schema.builder().required("id", Types.LONG).optional("name", Types.STRING)
        .optional("score", Types.INT).build();
    try (Table t = Tables.create(path, schema, PartitionSpec.builderFor(schema).bucket("id", 2).build(), Map.of())) {
      List<Object[]> first = new ArrayList<>();
      for (long i = 0; i < 10; i++) {
        first.add(new Object[] {i, "n" + i, (int) i * 10});
      }
      append(t, first);
      t.checkpoint();
      t.updateSchema().renameColumn("name", "label").dropColumn("score").addColumn("extra", Types.LONG).commit();
      t.updateSpec().removeField("id_bucket").addField("label", Transforms.truncate(1)).commit();
      List<Object[]> second = new ArrayList<>();
      for (long i = 10; i < 16; i++) {
        second.add(new Object[] {i, (i % 2 == 0 ? "a" : "b") + i, i * 100});
      }
      append(t, second);
      t.checkpoint();
      append(t, List.<Object[]>of(new Object[] {16L, null, null}));

      Table reopened = Tables.open(path);
      assertThat(reopened.refresh().dataFiles().stream().map(DataFile::specId).distinct().count()).isEqualTo(2);
      List<Row> rows = spark.read().format("tidemark").load(path).collectAsList();
      assertThat(spark.read().format("tidemark").load(path).columns()).containsExactly("id", "label", "extra");
      assertThat(sparkRows(rows)).hasSize(17).isEqualTo(libraryRows(reopened.newScan()));
      assertThat(sparkRows(spark.read().format("tidemark").load(path).where("label = 'n3' OR label LIKE 'a%'")
          .collectAsList())).containsExactly("10|a10|1000", "12|a12|1200", "14|a14|1400", "3|n3|null");
      // the version before the evolution, with its own columns
      long before = 1; // version 0 created the table, 1 is the first append
      assertThat(spark.read().format("tidemark").option("versionAsOf", before).load(path).columns())
          .containsExactly("id", "name", "score");
      assertThat(sparkRows(spark.read().format("tidemark").option("versionAsOf", before).load(path).collectAsList()))
          .isEqualTo(libraryRows(reopened.newScan().asOfVersion(before)));
    }
  }

  @Test
  void aTableSparkWroteReadsTheSameThroughTheLibraryWithFieldIdsIntact() {
    sql("CREATE TABLE tm.db.written (id BIGINT, tags ARRAY<STRING>, attrs MAP<STRING, INT>,"
        + " point STRUCT<x: DOUBLE, y: DOUBLE>, day DATE) USING tidemark PARTITIONED BY (months(day))");
    sql("INSERT INTO tm.db.written VALUES (1, array('a', 'b'), map('k', 1), named_struct('x', 1.5D, 'y', 2.5D),"
        + " date'2024-01-31'), (2, null, map(), null, date'2024-02-01')");
    sql("ALTER TABLE tm.db.written RENAME COLUMN tags TO labels");
    Table t = Tables.open(dir.resolve("warehouse/db/written").toString());
    assertThat(t.schema().findField(2).name()).isEqualTo("labels");
    List<String> library = libraryRows(t.newScan().select("id", "day"));
    assertThat(library).containsExactly("1|2024-01-31", "2|2024-02-01");
    try (CloseableIterable<Record> rows = t.newScan().filter("id = 1").records()) {
      Record r = rows.iterator().next();
      assertThat(r.get("labels")).isEqualTo(List.of("a", "b"));
      assertThat(r.get("attrs")).isEqualTo(Map.of("k", 1));
      assertThat(Objects.toString(r.get("point"))).contains("1.5").contains("2.5");
    }
    assertThat(t.refresh().dataFiles()).hasSize(2);
  }
}

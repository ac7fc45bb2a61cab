package io.tidemark.core.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.DataFile;
import io.tidemark.core.ScanPlan;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedTableTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, ts timestamp, category string, value double");
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir
  Path dir;

  static List<Record> rows(int days, int perDay) {
    List<Record> out = new ArrayList<>();
    long id = 0;
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < perDay; i++) {
        Instant ts = START.plusSeconds(d * 86_400L + i * 86_400L / perDay);
        out.add(Record.of(SCHEMA, id, ts, "c" + (id % 5), id * 1.5));
        id++;
      }
    }
    return out;
  }

  @Test
  void rowsFanOutToOneFilePerPartitionWithDerivedValues() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").bucket("id", 4).build();
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, spec, Map.of());
    TestTables.append(table, rows(3, 40));
    List<DataFile> files = new ArrayList<>(table.refresh().dataFiles());
    assertThat(files).hasSize(12);
    for (DataFile f : files) {
      assertThat(f.path()).matches("data/ts_day=2024-01-0[123]/id_bucket=[0-3]/[-0-9a-f]+\\.parquet");
      assertThat(f.partitionValues()).containsKeys("ts_day", "id_bucket");
      assertThat(f.path()).contains("ts_day=" + f.partitionValues().get("ts_day"));
    }
    assertThat(TestTables.read(table.newScan())).containsExactlyInAnyOrderElementsOf(rows(3, 40));
  }

  @Test
  void aOneDayFilterReadsOnlyThatDaysFilesAndExactlyItsRows() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").build();
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, spec, Map.of());
    for (int batch = 0; batch < 3; batch++) {
      TestTables.append(table, rows(10, 10));
    }
    String filter = "ts >= '2024-01-05 00:00:00' and ts < '2024-01-06 00:00:00'";
    ScanPlan plan = table.newScan().filter(filter).plan();
    assertThat(plan.metrics().filesTotal()).isEqualTo(30);
    assertThat(plan.metrics().filesMatched()).isEqualTo(3);
    assertThat(plan.files()).allSatisfy(f -> assertThat(f.partitionValue("ts_day")).isEqualTo(java.time.LocalDate.of(2024, 1, 5)));
    List<Record> rows = TestTables.read(table.newScan().filter(filter));
    assertThat(rows).hasSize(30).allSatisfy(r -> assertThat(r.get("ts").toString()).startsWith("2024-01-05"));
  }

  @Test
  void aSelectionWithoutTheFilterColumnStillFiltersAndReturnsOnlyTheSelection() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    TestTables.append(table, rows(2, 10));
    List<Record> rows = TestTables.read(table.newScan().select("id").filter("category = 'c1'"));
    assertThat(rows).extracting(r -> r.struct().fields().size()).containsOnly(1);
    assertThat(rows).extracting(r -> (Long) r.get(0)).containsExactlyInAnyOrder(1L, 6L, 11L, 16L);
  }

  @Test
  void statisticsPruneFilesOfAnUnpartitionedTable() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    for (int i = 0; i < 4; i++) {
      try (AppendWriter w = table.newAppend()) {
        for (long id = i * 100L; id < i * 100L + 100; id++) {
          w.write(Record.of(SCHEMA, id, START, "x", 1.0));
        }
        w.commit();
      }
    }
    ScanPlan plan = table.newScan().filter("id >= 250 and id < 260").planRowGroups();
    assertThat(plan.metrics().filesMatched()).isEqualTo(1);
    assertThat(plan.metrics().rowGroupsTotal()).isEqualTo(1);
    assertThat(TestTables.read(table.newScan().filter("id >= 250 and id < 260"))).hasSize(10);
  }

  @Test
  void aFilterOnAnUnknownColumnOrWithAWrongLiteralIsOneClearError() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    assertThatThrownBy(() -> table.newScan().filter("nope = 1").plan())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> table.newScan().filter("id = 'abc'").plan())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("id");
  }
}

package io.tidemark.core.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.actions.TablePaths;
import io.tidemark.spec.partition.PartitionPaths;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partition values of any length and content land in directories every file system takes, and round-trip. */
class PartitionDirectoriesTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, region string, score double");
  static final List<String> VALUES = List.of("漢".repeat(100), "x".repeat(1000), "ü".repeat(1000),
      "a/b", "x:y", "50%", "New York", "back\\slash", "..", ".", "", "/ : % \\ ..".repeat(100), "München");

  @TempDir
  Path dir;

  private static List<Record> rows(long firstId) {
    List<Record> out = new ArrayList<>();
    long id = firstId;
    for (String v : VALUES) {
      out.add(Record.of(SCHEMA, id++, v, 1.0));
    }
    out.add(Record.of(SCHEMA, id, null, 1.0));
    return out;
  }

  private static List<String> rowsOf(Table table) {
    return TestTables.read(table.newScan()).stream().map(Record::toString).sorted().toList();
  }

  private static List<String> sorted(List<Record> records) {
    return records.stream().map(Record::toString).sorted().toList();
  }

  @Test
  void longAndOddIdentityValuesAppendScanCompactDeleteAndRestore() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).identity("region").build(), Map.of());
    List<Record> all = new ArrayList<>(rows(0));
    TestTables.append(table, rows(0));
    TestTables.append(table, rows(100));
    all.addAll(rows(100));
    assertThat(rowsOf(table)).isEqualTo(sorted(all));
    checkPaths(table.refresh().dataFiles());
    assertThat(TestTables.read(table.newScan().filter("region = '" + "漢".repeat(100) + "'"))).hasSize(2);

    table.compact().targetFileSizeBytes(1 << 20).commit();
    assertThat(table.refresh().dataFiles()).hasSize(VALUES.size() + 1);
    assertThat(rowsOf(table)).isEqualTo(sorted(all));
    checkPaths(table.refresh().dataFiles());

    table.newDelete().where("id = 100").commit();
    assertThat(rowsOf(table)).hasSize(all.size() - 1);
    table.restore().toVersion(2).commit();
    assertThat(rowsOf(Tables.open(dir.resolve("t").toString()))).isEqualTo(sorted(all));
  }

  private void checkPaths(Collection<DataFile> files) {
    for (DataFile f : files) {
      TablePaths.checkRelative(f.path());
      for (String segment : f.path().split("/")) {
        assertThat(segment.length()).as(f.path()).isLessThanOrEqualTo(PartitionPaths.MAX_SEGMENT_LENGTH);
      }
      assertThat(Files.exists(dir.resolve("t").resolve(f.path()))).as(f.path()).isTrue();
    }
    Set<Object> values = files.stream().map(f -> f.partitionValues().get("region")).collect(Collectors.toSet());
    assertThat(values).containsAll(VALUES).contains((Object) null);
  }

  @Test
  void negativeZeroAndNaNsOfEveryPayloadShareTheirValuesPartition() {
    Table table = Tables.create(dir.resolve("d").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).identity("score").build(), Map.of());
    TestTables.append(table, List.of(Record.of(SCHEMA, 1L, "a", -0.0), Record.of(SCHEMA, 2L, "b", 0.0),
        Record.of(SCHEMA, 3L, "c", Double.NaN), Record.of(SCHEMA, 4L, "d", Double.longBitsToDouble(0x7ff8_0000_0000_0001L)),
        Record.of(SCHEMA, 5L, "e", Double.longBitsToDouble(0xfff8_0000_0000_0000L))));

    Collection<DataFile> files = table.refresh().dataFiles();
    assertThat(files).hasSize(2);
    assertThat(files.stream().map(f -> f.path().split("/")[1]).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("score=0.0", "score=NaN");
    DataFile zero = files.stream().filter(f -> f.path().contains("score=0.0")).findFirst().orElseThrow();
    assertThat(zero.recordCount()).isEqualTo(2);
    assertThat(Double.doubleToRawLongBits((Double) zero.partitionValues().get("score"))).isZero();
    assertThat(TestTables.read(table.newScan().filter("score = 0.0"))).hasSize(2);
    assertThat(TestTables.read(table.newScan().filter("score = -0.0"))).hasSize(2);
    assertThat(TestTables.read(table.newScan().filter("score < 0.0"))).isEmpty();
    assertThat(TestTables.read(table.newScan())).hasSize(5);
  }
}

package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.error.TableAlreadyExistsException;
import io.tidemark.spec.error.TableNotFoundException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableAppendAndReadTest {
  @TempDir
  Path dir;

  @Test
  void everyVersionReadsExactlyTheRowsCommittedUpToIt() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    List<List<Record>> batches = List.of(rows(0, 10), rows(10, 15), rows(15, 40));
    for (List<Record> batch : batches) {
      append(table, batch);
    }
    List<Record> expected = new ArrayList<>();
    assertThat(read(table.newScan().asOfVersion(0))).isEmpty();
    for (int v = 1; v <= batches.size(); v++) {
      expected.addAll(batches.get(v - 1));
      assertThat(read(table.newScan().asOfVersion(v))).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(read(table.newScan())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(table.refresh().recordCount()).isEqualTo(40);
  }

  @Test
  void commitLandsAsOneJsonFileAndRowsInParquetFiles() throws IOException {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    CommitResult result = append(table, rows(0, 5));
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.rowsAdded()).isEqualTo(5);
    try (Stream<Path> log = Files.list(dir.resolve("t/_log"))) {
      assertThat(log.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("00000000000000000000.json", "00000000000000000001.json");
    }
    try (Stream<Path> data = Files.list(dir.resolve("t/data"))) {
      assertThat(data.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".parquet");
    }
  }

  @Test
  void projectionReturnsOnlyTheSelectedColumnsInTheOrderAsked() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(table, rows(0, 3));
    List<Record> records = read(table.newScan().select("amount", "id"));
    assertThat(records).hasSize(3);
    assertThat(records.get(0).struct().fields()).extracting(f -> f.name()).containsExactly("amount", "id");
    assertThat(records).extracting(r -> r.get("id")).containsExactlyInAnyOrder(0L, 1L, 2L);
    assertThat(records).extracting(r -> r.get("amount")).containsExactlyInAnyOrder(0.0, 0.25, 0.5);
    assertThatThrownBy(() -> table.newScan().select("nope").records())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void asOfATimeBetweenTwoCommitsReadsTheEarlierOne() throws Exception {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(table, rows(0, 2));
    Thread.sleep(5);
    append(table, rows(2, 4));
    List<HistoryEntry> history = table.history();
    Instant v1 = history.get(1).timestamp();
    Instant v2 = history.get(2).timestamp();
    assertThat(v2).isAfter(v1);
    Instant between = v1.plusMillis(1);
    assertThat(between).isBefore(v2);
    assertThat(table.snapshotAsOf(between).version()).isEqualTo(1);
    assertThat(read(table.newScan().asOfTimestamp(between))).containsExactlyInAnyOrderElementsOf(rows(0, 2));
    assertThat(table.snapshotAsOf(v2).version()).isEqualTo(2);
    assertThat(table.snapshotAsOf(v2.plusSeconds(3600)).version()).isEqualTo(2);
    assertThatThrownBy(() -> table.snapshotAsOf(history.get(0).timestamp().minusMillis(1)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("before the table's first commit");
  }

  @Test
  void historyListsEveryVersionWithOperationParametersAndMetrics() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(table, rows(0, 7));
    append(table, rows(7, 10));
    List<HistoryEntry> history = table.history();
    assertThat(history).extracting(HistoryEntry::version).containsExactly(0L, 1L, 2L);
    assertThat(history.get(0).operation()).isEqualTo("CREATE TABLE");
    HistoryEntry first = history.get(1);
    assertThat(first.operation()).isEqualTo("WRITE");
    assertThat(first.parameters()).containsEntry("mode", "Append");
    assertThat(first.metrics()).containsEntry("numFiles", 1L).containsEntry("numOutputRows", 7L);
    assertThat(first.metrics().get("numOutputBytes")).isPositive();
    assertThat(first.readVersion()).isEqualTo(0L);
    assertThat(first.blindAppend()).isTrue();
    assertThat(history.get(2).metrics()).containsEntry("numOutputRows", 3L);
    assertThat(history).extracting(HistoryEntry::timestamp).isSorted();
  }

  @Test
  void inCommitTimestampsStrictlyIncreaseEvenWhenCommitsComeWithinOneMillisecond() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    for (int i = 0; i < 20; i++) {
      append(table, List.of());
    }
    List<HistoryEntry> history = table.history();
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).timestamp()).isAfter(history.get(i - 1).timestamp());
    }
  }

  @Test
  void aSecondInstanceSeesCommitsOfTheFirstOnRefresh() {
    String location = dir.resolve("t").toString();
    Table writer = Tables.create(location, SCHEMA);
    Table reader = Tables.open(location);
    assertThat(reader.currentSnapshot().version()).isZero();
    append(writer, rows(0, 3));
    assertThat(reader.currentSnapshot().version()).isZero();
    assertThat(reader.refresh().version()).isEqualTo(1);
    assertThat(read(reader.newScan())).hasSize(3);
  }

  @Test
  void creatingWhereATableExistsIsRefusedAndOpeningNothingIsNotFound() {
    String location = dir.resolve("t").toString();
    Tables.create(location, SCHEMA);
    assertThatThrownBy(() -> Tables.create(location, SCHEMA)).isInstanceOf(TableAlreadyExistsException.class);
    assertThatThrownBy(() -> Tables.open(dir.resolve("none").toString())).isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("none");
  }

  @Test
  void aRecordOfAnotherSchemaIsRefusedNamingTheSchema() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    Schema other = SchemaDdl.parse("id long not null");
    try (AppendWriter w = table.newAppend()) {
      assertThatThrownBy(() -> w.write(Record.of(other, 1L))).isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("table schema");
    }
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNamingFieldExpectedAndFound() {
    assertThatThrownBy(() -> Record.of(SCHEMA, 1L, "x", "yesterday", 1.0))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'ts'").hasMessageContaining("timestamp").hasMessageContaining("yesterday");
    assertThatThrownBy(() -> Record.of(SCHEMA, null, "x", null, 1.0))
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'id'");
  }

  @Test
  void closingAWriterWithoutCommitDeletesItsFilesAndLeavesTheTableUnchanged() throws IOException {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(rows(0, 100));
    }
    assertThat(table.refresh().version()).isZero();
    Path data = dir.resolve("t/data");
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.list(data)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void aSmallTargetFileSizeRollsRowsIntoSeveralFiles() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA,
        Map.of(TableProperties.TARGET_FILE_SIZE, "20000"));
    CommitResult result = append(table, rows(0, 20_000));
    assertThat(result.filesAdded()).isGreaterThan(1);
    assertThat(table.refresh().dataFiles()).hasSize((int) result.filesAdded());
    assertThat(read(table.newScan().select("id"))).extracting(r -> (Long) r.get(0)).doesNotHaveDuplicates()
        .hasSize(20_000);
  }

  @Test
  void filesRecordStatisticsKeyedByFieldId() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(table, rows(3, 9));
    var add = table.refresh().dataFiles().iterator().next();
    int idField = SCHEMA.column("id").id();
    assertThat(add.recordCount()).isEqualTo(6);
    assertThat(add.stats().get(idField).min()).isEqualTo(3L);
    assertThat(add.stats().get(idField).max()).isEqualTo(8L);
    assertThat(add.stats().get(idField).nullCount()).isZero();
  }
}

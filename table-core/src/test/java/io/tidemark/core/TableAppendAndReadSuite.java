package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileEntry;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.error.TableAlreadyExistsException;
import io.tidemark.spec.error.TableNotFoundException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Appends, reads, projection, time travel and history: the same on every storage. */
public abstract class TableAppendAndReadSuite {
  /** The storage this run of the suite uses. */
  protected abstract TestStorage storage();

  private Table create(String name) {
    return Tables.create(storage().io(), storage().newLocation(name), SCHEMA, Map.of());
  }

  private Table create(String name, Map<String, String> properties) {
    return Tables.create(storage().io(), storage().newLocation(name), SCHEMA, properties);
  }

  @Test
  void everyVersionReadsExactlyTheRowsCommittedUpToIt() {
    Table table = create("t");
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
  void commitLandsAsOneJsonFileAndRowsInParquetFiles() {
    Table table = create("t");
    CommitResult result = append(table, rows(0, 5));
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.rowsAdded()).isEqualTo(5);
    assertThat(storage().list(table.location() + "/_log/")).extracting(FileEntry::name)
        .containsExactly("00000000000000000000.json", "00000000000000000001.json");
    assertThat(storage().list(table.location() + "/data/")).extracting(FileEntry::name)
        .singleElement().asString().endsWith(".parquet");
  }

  @Test
  void projectionReturnsOnlyTheSelectedColumnsInTheOrderAsked() {
    Table table = create("t");
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
    Table table = create("t");
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
    Table table = create("t");
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
    Table table = create("t");
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
    Table writer = create("t");
    Table reader = Tables.open(storage().io(), writer.location());
    assertThat(reader.currentSnapshot().version()).isZero();
    append(writer, rows(0, 3));
    assertThat(reader.currentSnapshot().version()).isZero();
    assertThat(reader.refresh().version()).isEqualTo(1);
    assertThat(read(reader.newScan())).hasSize(3);
  }

  @Test
  void creatingWhereATableExistsIsRefusedAndOpeningNothingIsNotFound() {
    Table table = create("t");
    assertThatThrownBy(() -> Tables.create(storage().io(), table.location(), SCHEMA, Map.of()))
        .isInstanceOf(TableAlreadyExistsException.class);
    String none = storage().newLocation("none");
    assertThatThrownBy(() -> Tables.open(storage().io(), none)).isInstanceOf(TableNotFoundException.class)
        .hasMessageContaining("none");
  }

  @Test
  void aRecordOfAnotherSchemaIsRefusedNamingTheSchema() {
    Table table = create("t");
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
  void closingAWriterWithoutCommitDeletesItsFilesAndLeavesTheTableUnchanged() {
    Table table = create("t");
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(rows(0, 100));
    }
    assertThat(table.refresh().version()).isZero();
    assertThat(storage().list(table.location() + "/data/")).isEmpty();
  }

  @Test
  void aSmallTargetFileSizeRollsRowsIntoSeveralFiles() {
    Table table = create("t", Map.of(TableProperties.TARGET_FILE_SIZE, "20000"));
    CommitResult result = append(table, rows(0, 20_000));
    assertThat(result.filesAdded()).isGreaterThan(1);
    assertThat(table.refresh().dataFiles()).hasSize((int) result.filesAdded());
    assertThat(read(table.newScan().select("id"))).extracting(r -> (Long) r.get(0)).doesNotHaveDuplicates()
        .hasSize(20_000);
  }

  @Test
  void filesRecordStatisticsKeyedByFieldId() {
    Table table = create("t");
    append(table, rows(3, 9));
    var add = table.refresh().dataFiles().iterator().next();
    int idField = SCHEMA.column("id").id();
    assertThat(add.recordCount()).isEqualTo(6);
    assertThat(add.columnStatistics().get(idField).lowerBound()).isEqualTo(3L);
    assertThat(add.columnStatistics().get(idField).upperBound()).isEqualTo(8L);
    assertThat(add.columnStatistics().get(idField).nullCount()).isZero();
  }
}

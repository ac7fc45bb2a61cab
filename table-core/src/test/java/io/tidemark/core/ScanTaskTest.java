package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.OutsideTableException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scan tasks, serialized and read on their own (here and in another JVM), return exactly the scan's rows. */
class ScanTaskTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, key string, ts timestamp, amount double");

  @TempDir
  Path dir;

  /** A table with 3 keys over 2 partition specs, a rename, a widened and an added column, and a checkpoint. */
  private Table evolvedTable() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).identity("key").build(), Map.of());
    for (int batch = 0; batch < 4; batch++) {
      append(table, rows(table.schema(), batch * 50L, batch * 50L + 50));
    }
    table.checkpoint();
    table.updateSchema().renameColumn("amount", "value").addColumn("note", Types.STRING).commit();
    table.updateSpec().addField("ts", io.tidemark.spec.partition.Transforms.day()).commit();
    append(table, rows(table.schema(), 200, 260));
    return table;
  }

  private static List<Record> rows(Schema schema, long from, long to) {
    List<Record> out = new ArrayList<>();
    for (long id = from; id < to; id++) {
      Object[] values = new Object[schema.columns().size()];
      values[0] = id;
      values[1] = id % 7 == 0 ? null : "k" + (id % 3);
      values[2] = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 3_600);
      values[3] = id / 4.0;
      if (values.length > 4) {
        values[4] = "n" + id;
      }
      out.add(Record.of(schema, values));
    }
    return out;
  }

  private static void append(Table table, List<Record> rows) {
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(rows);
      w.commit();
    }
  }

  static Stream<String> filters() {
    return Stream.of("", "key = 'k1'", "id >= 120 and id < 230", "ts >= '2024-01-05' and key in ('k0', 'k2')",
        "value > 20 or key is null", "note is not null");
  }

  private static Scan scan(Table table, String filter) {
    Scan scan = table.newScan();
    return filter.isEmpty() ? scan : scan.filter(filter);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> strings(Iterable<Record> records) {
    List<String> out = new ArrayList<>();
    records.forEach(r -> out.add(r.toString()));
    out.sort(null);
    return out;
  }

  @ParameterizedTest
  @MethodSource("filters")
  void serializedTasksTogetherReturnExactlyTheScansRows(String filter) {
    Table table = evolvedTable();
    FileIO io = new LocalFileIO();
    for (long version : List.of(4L, table.refresh().version())) {
      Scan scan = scan(table, version == 4 ? filter.replace("value", "amount").replace("note is not null", "id > 0")
          : filter).asOfVersion(version);
      List<String> expected;
      try (ScanReader rows = scan.records()) {
        expected = strings(rows);
      }
      for (long split : List.of(900L, 128L << 20)) {
        List<String> fromTasks = new ArrayList<>();
        for (ScanTask task : scan.planTasks(split)) {
          try (ScanReader rows = ScanTasks.open(io, roundTrip(task))) {
            rows.forEach(r -> fromTasks.add(r.toString()));
          }
        }
        fromTasks.sort(null);
        assertThat(fromTasks).as("version %d, split %d", version, split).isEqualTo(expected);
      }
      List<String> fromGroups = new ArrayList<>();
      for (ScanTaskGroup group : scan.planTaskGroups(16L << 20)) {
        try (ScanReader rows = ScanTasks.open(io, roundTrip(group))) {
          rows.forEach(r -> fromGroups.add(r.toString()));
        }
      }
      fromGroups.sort(null);
      assertThat(fromGroups).isEqualTo(expected);
    }
  }

  @Test
  void everyTaskOfAFilteredScanCarriesTheFilterEvenWhereStatisticsSayEveryRowMatches() {
    Table table = evolvedTable();
    // identity partition values prove key = 'k1' for whole files: still checked row by row, since a
    // damaged log could say so of a file whose rows do not match
    assertThat(table.newScan().filter("key = 'k1'").planTasks()).isNotEmpty()
        .allSatisfy(t -> assertThat(t.filter()).map(Object::toString).contains("key = 'k1'"));
    assertThat(table.newScan().planTasks()).allSatisfy(t -> assertThat(t.filter()).isEmpty());
  }

  @Test
  void readersCountWhatTheyRead() {
    Table table = evolvedTable();
    Scan scan = table.newScan().filter("key = 'k1'");
    int files = scan.plan().files().size();
    try (ScanReader rows = scan.records()) {
      long n = 0;
      for (Record ignored : rows) {
        n++;
      }
      ScanMetrics metrics = rows.metrics();
      assertThat(metrics.rowsReturned()).isEqualTo(n).isPositive();
      assertThat(metrics.filesOpened()).isEqualTo(files);
      assertThat(metrics.rowGroupsRead()).isEqualTo(metrics.rowGroupsTotal()).isPositive();
      assertThat(metrics.bytesRead()).isPositive();
    }
  }

  @Test
  void tasksOfDifferentScansCannotBeGroupedAndSplitSizesMustBePositive() {
    Table table = evolvedTable();
    ScanTask a = table.newScan().planTasks().get(0);
    ScanTask b = table.newScan().asOfVersion(2).planTasks().get(0);
    assertThatThrownBy(() -> new ScanTaskGroup(List.of(a, b))).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> table.newScan().planTasks(0)).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void aTaskIsReadInsideItsTableOnly() throws IOException {
    Table table = evolvedTable();
    ScanTask task = table.newScan().planTasks().get(0);
    Path file = dir.resolve("t").resolve(task.path());
    Path outside = Files.move(file, dir.resolve("moved.parquet"));
    Files.createSymbolicLink(file, outside);
    assertThatThrownBy(() -> {
      try (ScanReader rows = ScanTasks.open(new LocalFileIO(), task)) {
        rows.forEach(r -> { });
      }
    }).isInstanceOf(OutsideTableException.class);
  }

  @Test
  void tasksReadInAnotherJvmReturnTheScansRows() throws Exception {
    Table table = evolvedTable();
    Scan scan = table.newScan().filter("ts >= '2024-01-05' and key in ('k0', 'k2')").select("id", "value", "note");
    Path tasksFile = dir.resolve("tasks.bin");
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(tasksFile))) {
      out.writeObject(new ArrayList<>(scan.planTaskGroups(1L << 20)));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ScanTaskWorkerMain.class.getName(), tasksFile.toString())
        .redirectError(dir.resolve("worker.err").toFile()).redirectOutput(dir.resolve("worker.out").toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("worker.err"))).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("worker.out"), StandardCharsets.UTF_8));
    lines.sort(null);
    try (ScanReader rows = scan.records()) {
      assertThat(lines).isEqualTo(strings(rows)).isNotEmpty();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

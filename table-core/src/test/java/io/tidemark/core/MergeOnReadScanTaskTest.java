package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan tasks of files with deletion vectors, serialized and read here and in another JVM, skip deleted rows. */
class MergeOnReadScanTaskTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, gone boolean not null");

  @TempDir
  Path dir;

  /** Two files: one with an inline vector, one (every third row gone) with a vector file. */
  private Table table() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA,
        Map.of(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
    for (long base : new long[] {0, 10_000}) {
      try (AppendWriter w = table.newAppend()) {
        for (long i = base; i < base + 3000; i++) {
          w.write(Record.of(SCHEMA, i, base > 0 && i % 3 == 0));
        }
        w.commit();
      }
    }
    table.newDelete().where("gone = true or id = 7 or id = 2999").commit();
    return table;
  }

  private static List<String> strings(Iterable<Record> records) {
    List<String> out = new ArrayList<>();
    records.forEach(r -> out.add(r.toString()));
    out.sort(null);
    return out;
  }

  private static byte[] serialize(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  @Test
  void deletedPositionsAreTheRowNumbersTheVectorsDelete() {
    Table table = table();
    List<ScanTask> tasks = table.newScan().planTasks(Long.MAX_VALUE);
    assertThat(tasks).hasSize(2);
    // the first file: ids 0..2999 at positions 0..2999, ids 7 and 2999 deleted (inline vector)
    assertThat(ScanTasks.deletedPositions(new LocalFileIO(), tasks.get(0))).containsExactly(7, 2999);
    // the second: ids 10000.. at positions 0.., every id divisible by 3 deleted (a vector file)
    long[] second = ScanTasks.deletedPositions(new LocalFileIO(), tasks.get(1));
    assertThat(second).hasSize(1000).isSorted();
    for (long p : second) {
      assertThat((10_000 + p) % 3).isZero();
    }
    try (AppendWriter w = table.newAppend()) {
      w.write(Record.of(SCHEMA, 1L, false));
      w.commit();
    }
    ScanTask plain = table.newScan().planTasks(Long.MAX_VALUE).get(2);
    assertThat(plain.fileDeletedRecordCount()).isZero();
    assertThat(ScanTasks.deletedPositions(new LocalFileIO(), plain)).isEmpty();
  }

  @Test
  void serializedTasksReturnTheScansRowsWithoutDeletedOnes() throws Exception {
    Table table = table();
    Scan scan = table.newScan().filter("id >= 5");
    List<String> expected;
    try (ScanReader rows = scan.records()) {
      expected = strings(rows);
    }
    assertThat(expected).hasSize(2998 - 5 + 2000);
    List<String> fromTasks = new ArrayList<>();
    long estimated = 0;
    for (ScanTask task : scan.planTasks(4096)) {
      estimated += task.estimatedRecordCount();
      ScanTask copy;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(task)))) {
        copy = (ScanTask) in.readObject();
      }
      assertThat(copy).isEqualTo(task);
      try (ScanReader rows = ScanTasks.open(new LocalFileIO(), copy)) {
        rows.forEach(r -> fromTasks.add(r.toString()));
      }
    }
    fromTasks.sort(null);
    assertThat(fromTasks).isEqualTo(expected);
    assertThat(estimated).isBetween(4000L, 5100L);
  }

  @Test
  void tasksReadInAnotherJvmSkipDeletedRows() throws Exception {
    Table table = table();
    Scan scan = table.newScan();
    Path tasksFile = dir.resolve("tasks.bin");
    Files.write(tasksFile, serialize(new ArrayList<>(scan.planTaskGroups(1L << 20))));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ScanTaskWorkerMain.class.getName(), tasksFile.toString())
        .redirectError(dir.resolve("worker.err").toFile()).redirectOutput(dir.resolve("worker.out").toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("worker.err"))).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("worker.out"), StandardCharsets.UTF_8));
    lines.sort(null);
    try (ScanReader rows = scan.records()) {
      assertThat(lines).isEqualTo(strings(rows)).hasSize(2998 + 2000);
    }
  }
}

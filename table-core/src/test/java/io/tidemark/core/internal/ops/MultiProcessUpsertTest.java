package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Change;
import io.tidemark.core.ChangeType;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upserters in separate JVMs racing on one merge-on-read table: no lost or doubled rows, conflicts only on overlap. */
class MultiProcessUpsertTest {
  private static final int WORKERS = 2;
  private static final int UPSERTS = 12;
  private static final int BASE_ROWS = 200;

  @TempDir
  Path dir;

  /** The keys every hot upsert sets: scattered over the first file. */
  static List<Long> hotKeys() {
    return LongStream.range(0, 20).map(k -> k * 9).boxed().toList();
  }

  /** What the workers said: committed own key to version, and the own keys of attempts that conflicted. */
  private record Outcome(Map<Long, Long> committed, Set<Long> conflicted) {}

  private Outcome run(String location, String mode) throws Exception {
    Path go = dir.resolve("go-" + mode);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      processes.add(new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), UpsertWorkerMain.class.getName(), location, mode,
          Integer.toString(w), Integer.toString(UPSERTS), go.toString(), "0")
          .redirectOutput(dir.resolve(mode + w + ".out").toFile())
          .redirectError(dir.resolve(mode + w + ".err").toFile()).start());
    }
    Thread.sleep(500); // let the JVMs start so that they race from the first upsert
    Files.createFile(go);
    Map<Long, Long> committed = new HashMap<>();
    Set<Long> conflicted = new HashSet<>();
    for (int w = 0; w < WORKERS; w++) {
      Process p = processes.get(w);
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("worker %d finished", w).isTrue();
      assertThat(p.exitValue()).as("worker %d: %s", w, Files.readString(dir.resolve(mode + w + ".err"))).isZero();
      List<String> lines = Files.readAllLines(dir.resolve(mode + w + ".out"), StandardCharsets.UTF_8);
      assertThat(lines).last().isEqualTo("done");
      for (String line : lines) {
        String[] parts = line.split(" ");
        if (parts[0].equals("committed")) {
          assertThat(committed.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]))).isNull();
        } else if (parts[0].equals("conflict")) {
          conflicted.add(Long.parseLong(parts[1]));
        }
      }
    }
    return new Outcome(committed, conflicted);
  }

  @Test
  void upsertersOfTheSameRowsSerializeEveryVersionHasEachKeyOnceAndTheLosersLeaveNothing() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, SCHEMA,
        Map.of(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
    append(table, rows(0, BASE_ROWS));
    Outcome outcome = run(location, "hot");
    int total = WORKERS * UPSERTS;
    assertThat(outcome.committed()).hasSize(total);
    assertThat(outcome.committed().values()).containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(2, 1 + total).boxed().toList());
    assertThat(table.refresh().version()).isEqualTo(1 + total);
    Map<Long, Long> keyAt = new HashMap<>();
    outcome.committed().forEach((key, version) -> keyAt.put(version, key));
    // version by version: every key once, the hot keys all carrying the tag of that version's upsert
    Map<Long, String> expected = OpsFixtures.namesById(TestTables.rows(0, BASE_ROWS));
    for (long v = 2; v <= 1 + total; v++) {
      long own = keyAt.get(v);
      String tag = "w" + (own / 1_000_000 - 1) + "-a" + own % 1_000_000; // as UpsertWorkerMain tags it
      for (long k : hotKeys()) {
        expected.put(k, tag);
      }
      expected.put(own, tag);
      assertThat(OpsFixtures.namesById(TestTables.read(table.newScan().asOfVersion(v)))).as("version %d", v).isEqualTo(expected);
    }
    assertThat(outcome.conflicted()).doesNotContainAnyElementsOf(expected.keySet());
    List<Change> changes = table.changes(2, 1 + total);
    assertThat(changes).filteredOn(c -> c.type() == ChangeType.UPDATE_AFTER).hasSize(total * hotKeys().size());
    assertThat(changes).filteredOn(c -> c.type() == ChangeType.INSERT).extracting(c -> (Long) c.row().get("id"))
        .containsExactlyInAnyOrderElementsOf(outcome.committed().keySet());
    assertThat(changes).noneMatch(c -> c.type() == ChangeType.DELETE);
  }

  @Test
  void upsertersOfDifferentFilesBothLandWithoutAConflict() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, SCHEMA,
        Map.of(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
    for (int w = 0; w < WORKERS; w++) {
      long first = UpsertWorkerMain.ownKey(w, 0) - 500_000;
      append(table, rows(first, first + BASE_ROWS / WORKERS));
    }
    Outcome outcome = run(location, "own");
    int total = WORKERS * UPSERTS;
    assertThat(outcome.conflicted()).isEmpty();
    assertThat(outcome.committed()).hasSize(total);
    assertThat(table.refresh().version()).isEqualTo(WORKERS + total);
    Map<Long, String> rows = OpsFixtures.namesById(TestTables.read(table.newScan()));
    assertThat(rows).hasSize(BASE_ROWS + total).containsKeys(outcome.committed().keySet().toArray(Long[]::new));
    for (int w = 0; w < WORKERS; w++) {
      long first = UpsertWorkerMain.ownKey(w, 0) - 500_000;
      String last = "w" + w + "-a" + (UPSERTS - 1);
      // the last upsert of each worker updated ten of its keys: they carry its tag
      assertThat(rows.entrySet().stream().filter(e -> e.getKey() >= first && e.getKey() < first + 100)
          .filter(e -> e.getValue().equals(last)).count()).as("worker %d", w).isEqualTo(10);
    }
  }
}

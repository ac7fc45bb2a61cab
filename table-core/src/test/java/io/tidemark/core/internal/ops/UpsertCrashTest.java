package io.tidemark.core.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while it upserts in merge-on-read mode (writing data files, inline vectors and
 * vector files) leaves every version with all of an upsert or none of it: version 1 + k holds
 * exactly the first k upserts, and the table stays readable and writable.
 */
class UpsertCrashTest {
  private static final int ROWS = 2000;
  private static final int ROUNDS = 4;

  @TempDir
  Path dir;

  /** The keys every upsert sets: scattered, enough that the first file's vector outgrows the inline size. */
  static List<Long> keys() {
    return LongStream.range(0, 150).map(k -> k * 13 % ROWS).boxed().toList();
  }

  /** The rows after the first {@code upserts} upserts of worker 0. */
  private static Map<Long, String> expected(int upserts) {
    Map<Long, String> rows = new TreeMap<>();
    for (long id = 0; id < ROWS; id++) {
      rows.put(id, "name-" + id);
    }
    for (int a = 0; a < upserts; a++) {
      String tag = "w0-a" + a;
      keys().forEach(k -> rows.put(k, tag));
      rows.put(UpsertWorkerMain.ownKey(0, a), tag);
    }
    return rows;
  }

  @Test
  void killedUpsertersLeaveEveryVersionWithWholeUpsertsOnly() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, TestTables.SCHEMA,
        Map.of(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
    TestTables.append(table, TestTables.rows(0, ROWS));
    Random random = new Random();
    int committed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path out = dir.resolve("worker-" + round + ".out");
      OpsFixtures.killWhileWorking(UpsertWorkerMain.class, out, random, location, "crash", "0",
          Integer.toString(Integer.MAX_VALUE), "-", Integer.toString(committed));
      assertThat(Files.readString(out)).doesNotContain("conflict");
      table = Tables.open(location);
      long latest = table.refresh().version();
      committed = (int) (latest - 1);
      for (long v = 1; v <= latest; v++) {
        if (v == latest || v % 7 == 0) { // every version costs a scan: check a sample and the newest
          assertThat(OpsFixtures.namesById(TestTables.read(table.newScan().asOfVersion(v)))).as("version %d of round %d", v, round)
              .isEqualTo(expected((int) v - 1));
        }
      }
      assertThat(table.newScan().missingFiles()).isEmpty();
    }
    assertThat(committed).as("the workers committed something").isPositive();
    assertThat(table.currentSnapshot().dataFiles()).anySatisfy(f -> assertThat(f.deletedRecordCount()).isPositive());
    // the table stays writable
    table.newMerge().on("id").source(List.of(UpsertWorkerMain.row(0, "after"))).whenMatchedUpdateAll().commit();
    Map<Long, String> after = expected(committed);
    after.put(0L, "after");
    assertThat(OpsFixtures.namesById(TestTables.read(table.newScan()))).isEqualTo(after);
  }
}

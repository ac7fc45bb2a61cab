package io.tidemark.core.internal.ops;

import static io.tidemark.core.internal.ops.OpsFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while it deletes rows in merge-on-read mode (writing inline vectors, then vector
 * files as they grow) leaves every version exact: version 1 + k has exactly the first k deletes.
 */
class MergeOnReadCrashTest {
  static final int ROWS = 2000;
  private static final int ROUNDS = 4;

  @TempDir
  Path dir;

  /** The id the i-th delete removes: scattered, so that vectors soon outgrow the inline size. */
  static long victim(int i) {
    return (i * 7L) % ROWS;
  }

  @Test
  void killedDeletersLeaveEveryVersionWithExactlyTheDeletesCommittedBeforeIt() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, TestTables.SCHEMA,
        Map.of(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
    TestTables.append(table, TestTables.rows(0, ROWS));
    Random random = new Random();
    int committed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      OpsFixtures.killWhileWorking(MergeOnReadDeleteWorkerMain.class, dir.resolve("worker-" + round + ".out"),
          random, location, Integer.toString(committed));
      table = Tables.open(location);
      long latest = table.refresh().version();
      committed = (int) (latest - 1);
      List<Long> expected = new ArrayList<>(LongStream.range(0, ROWS).boxed().toList());
      for (long v = 1; v <= latest; v++) {
        if (v > 1) {
          expected.remove(Long.valueOf(victim((int) v - 2)));
        }
        if (v == latest || v % 17 == 0) { // every version costs a scan: check a sample and the newest
          assertThat(ids(table.newScan().asOfVersion(v))).as("version %d of round %d", v, round)
              .isEqualTo(expected);
        }
      }
      assertThat(table.refresh().recordCount()).isEqualTo(ROWS - committed);
    }
    assertThat(committed).as("the workers committed something").isPositive();
    // the table stays writable, and its vectors went to a file once they grew
    table.newDelete().where("id = " + victim(committed)).commit();
    assertThat(table.refresh().recordCount()).isEqualTo(ROWS - committed - 1);
  }
}

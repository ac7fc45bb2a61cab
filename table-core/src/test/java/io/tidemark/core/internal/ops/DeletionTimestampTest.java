package io.tidemark.core.internal.ops;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Overwrite;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.spec.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation's removes carry the timestamp of the commit that holds them (spec.md section 4.5). */
class DeletionTimestampTest {
  @TempDir
  Path dir;

  private static void assertRemovesStampedWithTheCommit(Table table, long version) {
    Commit commit = ((TableContext) table).log().read(version);
    assertThat(commit.removes()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.deletionTimestamp()).isEqualTo(commit.info().timestamp()));
  }

  @Test
  void deleteCompactionOverwriteAndRestoreStampTheirRemovesWithTheCommitsTimestamp() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).identity("name").build(), Map.of());
    for (int i = 0; i < 3; i++) {
      append(table, rows(0, 4));
    }
    assertRemovesStampedWithTheCommit(table, table.compact().targetFileSizeBytes(1 << 20).commit().version());
    assertRemovesStampedWithTheCommit(table, table.newDelete().where("id = 1").commit().version());
    try (Overwrite overwrite = table.newOverwrite().where("id = 2")) {
      overwrite.write(TestTables.row(2));
      assertRemovesStampedWithTheCommit(table, overwrite.commit().version());
    }
    try (Overwrite overwrite = table.newOverwrite().dynamicPartitions()) {
      overwrite.write(TestTables.row(3));
      assertRemovesStampedWithTheCommit(table, overwrite.commit().version());
    }
    assertRemovesStampedWithTheCommit(table, table.restore().toVersion(1).commit().version());
  }
}

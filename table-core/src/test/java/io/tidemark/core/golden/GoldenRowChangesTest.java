package io.tidemark.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Change;
import io.tidemark.core.ChangeType;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden table with deletion vectors and an upsert reads every version row for row. */
class GoldenRowChangesTest {
  @TempDir
  Path dir;

  private static Map<Long, String> rows(Table table, long version) {
    Map<Long, String> out = new TreeMap<>();
    for (Record r : TestTables.read(table.newScan().asOfVersion(version))) {
      out.put((Long) r.get("id"), (String) r.get("v"));
    }
    return out;
  }

  @Test
  void everyVersionReadsAsItsModelWithAndWithoutTheCheckpoint() throws Exception {
    Path copy = GoldenCopy.of("v1-row-changes", dir);
    Table table = Tables.open(copy.toString());
    assertThat(table.refresh().version()).isEqualTo(5);
    for (long v = 0; v <= 5; v++) {
      assertThat(rows(table, v)).as("version %d", v).isEqualTo(GoldenRowChanges.expected(v));
    }
    assertThat(table.refresh().recordCount()).isEqualTo(GoldenRowChanges.expected(5).size());
    try (var files = Files.list(copy.resolve("_log"))) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("00000000000000000005.checkpoint.json");
    }
    try (var files = Files.walk(copy.resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".dv"));
    }
  }

  @Test
  void theChangesOfTheDeletesAndTheUpsertAreExact() throws Exception {
    Table table = Tables.open(GoldenCopy.of("v1-row-changes", dir).toString());
    List<Change> deletes = table.changes(3, 4);
    assertThat(deletes).allMatch(c -> c.type() == ChangeType.DELETE);
    assertThat(deletes).hasSize(GoldenRowChanges.expected(2).size() - GoldenRowChanges.expected(4).size());
    assertThat(table.changes(5, 5)).extracting(Change::type, c -> c.row().get("id")).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(ChangeType.UPDATE_BEFORE, 10L),
        org.assertj.core.groups.Tuple.tuple(ChangeType.UPDATE_AFTER, 10L),
        org.assertj.core.groups.Tuple.tuple(ChangeType.DELETE, 20L),
        org.assertj.core.groups.Tuple.tuple(ChangeType.INSERT, 5000L));
  }
}

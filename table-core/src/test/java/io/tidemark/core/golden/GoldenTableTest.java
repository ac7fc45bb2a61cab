package io.tidemark.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables written by earlier versions stay readable, row for row. */
class GoldenTableTest {
  @TempDir
  Path dir;
  Table table;

  @BeforeEach
  void copyGoldenTable() throws IOException {
    Path target = GoldenCopy.of("v1-basic", dir);
    table = Tables.open(target.toString());
  }

  @Test
  void v1BasicReadsBackEveryVersionRowForRow() {
    assertThat(table.refresh().version()).isEqualTo(3);
    assertThat(table.schema()).isEqualTo(GoldenTables.SCHEMA);
    List<Record> expected = new ArrayList<>();
    List<List<Record>> batches = GoldenTables.batches();
    for (int v = 1; v <= 3; v++) {
      expected.addAll(batches.get(v - 1));
      assertThat(read(v)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void v1BasicKeepsItsHistoryAndApplicationTransactions() {
    List<HistoryEntry> history = table.history();
    assertThat(history).extracting(HistoryEntry::operation).containsExactly("CREATE TABLE", "WRITE", "WRITE", "WRITE");
    assertThat(history).extracting(h -> h.metrics().get("numOutputRows")).containsExactly(null, 3L, 2L, 1L);
    assertThat(table.refresh().applicationVersion("golden-job")).hasValue(3);
  }

  private List<Record> read(long version) {
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> records = table.newScan().asOfVersion(version).records()) {
      records.forEach(out::add);
    }
    return out;
  }
}

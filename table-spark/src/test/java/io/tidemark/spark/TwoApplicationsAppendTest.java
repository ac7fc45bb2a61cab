package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Spark applications, each in its own JVM, append to one table at the same time, round after
 * round: every append lands, once, in contiguous versions.
 */
class TwoApplicationsAppendTest {
  private static final int ROUNDS = 8;

  private static Process start(String table, int writer, Path out) throws Exception {
    List<String> command = ChildJvm.command("512m", System.getProperty("java.class.path"),
        AppendRoundsMain.class.getName(), table, Integer.toString(writer), Integer.toString(ROUNDS));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
  }

  @Test
  void twoApplicationsAppendingAtOnceBothLandInContiguousVersions(@TempDir Path dir) throws Exception {
    assertThat(System.getProperty("java.class.path")).doesNotContain("surefirebooter");
    String table = dir.resolve("shared").toString();
    Schema schema = Schema.builder().required("id", Types.LONG).optional("writer", Types.INT).build();
    Tables.create(table, schema).close();

    Process a = start(table, 1, dir.resolve("a.txt"));
    Process b = start(table, 2, dir.resolve("b.txt"));
    for (Process p : List.of(a, b)) {
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    }
    for (String out : List.of("a.txt", "b.txt")) {
      String text = Files.readString(dir.resolve(out), StandardCharsets.UTF_8);
      assertThat(text.lines()).as(text.length() > 4000 ? text.substring(text.length() - 4000) : text).contains("DONE");
    }
    assertThat(a.exitValue()).isZero();
    assertThat(b.exitValue()).isZero();

    try (Table t = Tables.open(table)) {
      List<HistoryEntry> history = t.history();
      assertThat(history.stream().map(HistoryEntry::version).toList())
          .containsExactlyElementsOf(LongStream.rangeClosed(0, 2 * ROUNDS).boxed().toList());
      assertThat(history.subList(1, history.size())).allSatisfy(h -> assertThat(h.blindAppend()).isTrue());
      Set<Long> ids = new HashSet<>();
      long rows = 0;
      try (CloseableIterable<Record> records = t.newScan().records()) {
        for (Record r : records) {
          ids.add(r.getLong(0));
          rows++;
        }
      }
      assertThat(rows).isEqualTo(2L * ROUNDS * 10);
      Set<Long> expected = new HashSet<>();
      for (long w = 1; w <= 2; w++) {
        for (long i = 0; i < ROUNDS * 10L; i++) {
          expected.add(w * 1_000_000 + i);
        }
      }
      assertThat(ids).isEqualTo(expected);
    }
  }
}

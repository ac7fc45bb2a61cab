package io.tidemark.core.internal.commit;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.spec.error.CommitStateUnknownException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmbiguousCommitTest {
  @TempDir
  Path dir;
  FlakyFileIO io;
  Table table;
  String location;

  @BeforeEach
  void table() {
    io = new FlakyFileIO();
    location = dir.resolve("t").toString();
    table = Tables.create(io, location, SCHEMA, Map.of());
  }

  @Test
  void aWriteThatLandedButReportedFailureIsRecognisedAsOursAndNotAppliedTwice() {
    io.failCreateAfterWrite.set(1);
    CommitResult result = append(table, rows(0, 10));
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.attempts()).isEqualTo(1);
    Table fresh = Tables.open(location);
    assertThat(fresh.refresh().version()).isEqualTo(1);
    assertThat(read(fresh.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 10));
  }

  @Test
  void aWriteThatNeverLandedIsRetriedAtTheSameVersion() {
    io.failCreateBeforeWrite.set(2);
    CommitResult result = append(table, rows(0, 10));
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(Tables.open(location).refresh().version()).isEqualTo(1);
    assertThat(read(table.newScan())).hasSize(10);
  }

  @Test
  void anAmbiguousWriteThatLostTheRaceRebasesToTheNextVersion() {
    Table rival = Tables.open(location);
    io.beforeFailingCreate = () -> append(rival, rows(100, 105));
    io.failCreateBeforeWrite.set(1);
    CommitResult result = append(table, rows(0, 10));
    assertThat(result.version()).isEqualTo(2);
    assertThat(read(Tables.open(location).newScan()))
        .containsExactlyInAnyOrderElementsOf(concat(rows(0, 10), rows(100, 105)));
  }

  @Test
  void whenTheWriteAndTheReadBackBothFailTheOutcomeIsUnknownAndDataFilesAreKept() throws Exception {
    AppendWriter w = table.newAppend();
    w.writeAll(rows(0, 10));
    io.failCreateAfterWrite.set(1);
    io.beforeFailingCreate = () -> io.failReads.set(1); // reads fail from the lost response on
    assertThatThrownBy(w::commit).isInstanceOf(CommitStateUnknownException.class)
        .hasMessageContaining("00000000000000000001.json");
    w.close();
    // the commit did land; its data file must still be there
    Table fresh = Tables.open(location);
    assertThat(fresh.refresh().version()).isEqualTo(1);
    assertThat(read(fresh.newScan())).hasSize(10);
    try (Stream<Path> files = Files.list(dir.resolve("t/data"))) {
      assertThat(files).hasSize(1);
    }
  }

  private static <T> java.util.List<T> concat(java.util.List<T> a, java.util.List<T> b) {
    java.util.List<T> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}

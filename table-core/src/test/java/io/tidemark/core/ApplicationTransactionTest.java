package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.DuplicateTransactionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationTransactionTest {
  @TempDir
  Path dir;

  @Test
  void aCommitCarryingAnAlreadyCommittedAppVersionIsRefusedAsADuplicate() throws Exception {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    try (AppendWriter w = table.newAppend()) {
      w.applicationTransaction("job-7", 1).writeAll(rows(0, 5));
      w.commit();
    }
    // the retried job made a writer before it knew its first run had committed
    try (AppendWriter w = Tables.open(dir.resolve("t").toString()).newAppend()) {
      w.writeAll(rows(0, 5));
      assertThatThrownBy(() -> w.applicationTransaction("job-7", 1))
          .isInstanceOfSatisfying(DuplicateTransactionException.class, e -> {
            assertThat(e.appId()).isEqualTo("job-7");
            assertThat(e.committedAppVersion()).isEqualTo(1);
          });
    }
    assertThat(read(table.newScan())).hasSize(5);
    assertThat(table.refresh().applicationVersion("job-7")).hasValue(1);
  }

  @Test
  void aDuplicateCommittedConcurrentlyIsRefusedAtCommitAndItsFilesAreDeleted() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, SCHEMA);
    AppendWriter late = table.newAppend();
    late.applicationTransaction("job-9", 3).writeAll(rows(100, 110));
    try (AppendWriter first = Tables.open(location).newAppend()) {
      first.applicationTransaction("job-9", 3).writeAll(rows(0, 10));
      first.commit();
    }
    assertThatThrownBy(late::commit).isInstanceOf(DuplicateTransactionException.class)
        .hasMessageContaining("job-9");
    late.close();
    assertThat(read(table.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 10));
    try (Stream<Path> files = Files.list(dir.resolve("t/data"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aHigherAppVersionIsAcceptedAndRecorded() {
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    for (long v = 1; v <= 3; v++) {
      try (AppendWriter w = table.newAppend()) {
        w.applicationTransaction("job", v).writeAll(rows(v * 10, v * 10 + 2));
        w.commit();
      }
    }
    assertThat(table.refresh().applicationVersion("job")).hasValue(3);
    assertThat(table.refresh().applicationVersion("other")).isEmpty();
  }
}

package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.DuplicateTransactionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exactly-once appends with application transactions, on every storage. */
public abstract class ApplicationTransactionSuite {
  /** The storage this run of the suite uses. */
  protected abstract TestStorage storage();

  private Table create() {
    return Tables.create(storage().io(), storage().newLocation("t"), SCHEMA, Map.of());
  }

  @Test
  void aCommitCarryingAnAlreadyCommittedAppVersionIsRefusedAsADuplicate() {
    Table table = create();
    try (AppendWriter w = table.newAppend()) {
      w.applicationTransaction("job-7", 1).writeAll(rows(0, 5));
      w.commit();
    }
    // the retried job made a writer before it knew its first run had committed
    try (AppendWriter w = Tables.open(storage().io(), table.location()).newAppend()) {
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
  void aDuplicateCommittedConcurrentlyIsRefusedAtCommitAndItsFilesAreDeleted() {
    Table table = create();
    AppendWriter late = table.newAppend();
    late.applicationTransaction("job-9", 3).writeAll(rows(100, 110));
    try (AppendWriter first = Tables.open(storage().io(), table.location()).newAppend()) {
      first.applicationTransaction("job-9", 3).writeAll(rows(0, 10));
      first.commit();
    }
    assertThatThrownBy(late::commit).isInstanceOf(DuplicateTransactionException.class)
        .hasMessageContaining("job-9");
    late.close();
    assertThat(read(table.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 10));
    assertThat(storage().list(table.location() + "/data/")).hasSize(1);
  }

  @Test
  void aHigherAppVersionIsAcceptedAndRecorded() {
    Table table = create();
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

package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot tells which checkpoint it was read from. */
class SnapshotCheckpointTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long");

  @TempDir
  Path dir;

  private static void append(Table t, long id) {
    try (AppendWriter w = t.newAppend()) {
      w.write(Record.of(SCHEMA, id));
      w.commit();
    }
  }

  @Test
  void theNewestCheckpointAtOrBeforeTheVersionOrNone() {
    try (Table t = Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of())) {
      append(t, 1);
      assertThat(t.refresh().checkpointVersion()).isEmpty();
      assertThat(t.refresh().checkpointTimestamp()).isEmpty();
      assertThat(t.checkpoint()).isEqualTo(1);
      append(t, 2);
      Snapshot latest = t.refresh();
      assertThat(latest.version()).isEqualTo(2);
      assertThat(latest.checkpointVersion()).hasValue(1);
      assertThat(latest.checkpointTimestamp()).hasValue(t.snapshot(1).timestamp());
      assertThat(t.snapshot(0).checkpointVersion()).isEmpty();
    }
    try (Table reopened = Tables.open(dir.resolve("t").toString())) {
      assertThat(reopened.currentSnapshot().checkpointVersion()).hasValue(1);
    }
  }
}

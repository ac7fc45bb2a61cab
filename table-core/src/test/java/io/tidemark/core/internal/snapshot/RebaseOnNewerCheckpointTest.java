package io.tidemark.core.internal.snapshot;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.internal.checkpoint.CheckpointStore;
import io.tidemark.core.internal.checkpoint.ManifestCache;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose own commits never land on checkpoint versions still moves its snapshot onto the
 * checkpoints other processes write, instead of replaying from the one it opened with forever.
 */
class RebaseOnNewerCheckpointTest {
  @TempDir
  Path dir;

  @Test
  void aRefreshFarPastItsBaseMovesOntoTheNewestCheckpointWithTheSameFiles() {
    LocalFileIO io = new LocalFileIO();
    String location = dir.resolve("t").toString();
    Table writer = Tables.create(io, location, SCHEMA, Map.of(TableProperties.CHECKPOINT_INTERVAL, "10"));
    SnapshotLoader reader = new SnapshotLoader(new TransactionLog(io, location, 1 << 20),
        new CheckpointStore(io, location), new ManifestCache(io, location, 1 << 20), location);
    assertThat(reader.refresh().base()).isNull();

    for (int i = 0; i < 35; i++) {
      append(writer, rows(i * 3L, i * 3L + 3));
    }
    TableState state = reader.refresh();
    assertThat(state.version()).isEqualTo(35);
    assertThat(state.base().version()).isEqualTo(30);
    assertThat(state.tailAdds()).hasSize(5);
    assertThat(paths(state)).isEqualTo(paths(((TableContext) writer).latestState()));
    assertThat(state.recordCount()).isEqualTo(105);

    append(writer, rows(500, 503));
    TableState next = reader.refresh();
    assertThat(next.version()).isEqualTo(36);
    assertThat(next.base().version()).as("a short tail stays on its base").isEqualTo(30);
  }

  @Test
  void withCheckpointsOffTheStateKeepsReplayingFromWhatItHas() {
    LocalFileIO io = new LocalFileIO();
    String location = dir.resolve("t").toString();
    Table writer = Tables.create(io, location, SCHEMA, Map.of(TableProperties.CHECKPOINT_INTERVAL, "0"));
    SnapshotLoader reader = new SnapshotLoader(new TransactionLog(io, location, 1 << 20),
        new CheckpointStore(io, location), new ManifestCache(io, location, 1 << 20), location);
    reader.refresh();
    for (int i = 0; i < 12; i++) {
      append(writer, rows(i, i + 1));
    }
    TableState state = reader.refresh();
    assertThat(state.version()).isEqualTo(12);
    assertThat(state.base()).isNull();
    assertThat(state.recordCount()).isEqualTo(12);
  }

  private static Set<String> paths(TableState state) {
    return paths(state.dataFiles());
  }

  private static Set<String> paths(java.util.Collection<AddFile> files) {
    return files.stream().map(AddFile::path).collect(Collectors.toSet());
  }
}

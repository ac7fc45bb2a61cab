package io.tidemark.core.internal.checkpoint;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint is never written on top of a base checkpoint whose manifests vacuum removed. */
class StaleCheckpointBaseTest {
  @TempDir
  Path dir;

  @Test
  void reusingManifestsThatNoLongerExistIsRefusedAndNothingIsWritten() throws Exception {
    LocalFileIO io = new LocalFileIO();
    String location = dir.resolve("t").toString();
    Table table = Tables.create(io, location, SCHEMA, Map.of(TableProperties.CHECKPOINT_INTERVAL, "2"));
    append(table, rows(0, 10));
    append(table, rows(10, 20));
    CheckpointStore store = new CheckpointStore(io, location);
    Checkpoint base = store.read(2).orElseThrow();
    assertThat(base.manifests()).isNotEmpty();
    for (ManifestEntry m : base.manifests()) {
      Files.delete(dir.resolve("t").resolve(m.path())); // as vacuum does once newer checkpoints replace it
    }
    CheckpointWriter writer = new CheckpointWriter(io, location, new ManifestCache(io, location, 1 << 20), store);
    assertThatThrownBy(() -> writer.write(4, base.timestamp() + 2, base.protocol(), base.metadata(), List.of(), base,
        Set.of(), List.of()))
        .isInstanceOf(StaleCheckpointBaseException.class)
        .hasMessageContaining("checkpoint 2").hasMessageContaining(base.manifests().get(0).path());
    assertThat(Files.exists(dir.resolve("t/_log").resolve(LogFiles.checkpointFileName(4)))).isFalse();
  }
}

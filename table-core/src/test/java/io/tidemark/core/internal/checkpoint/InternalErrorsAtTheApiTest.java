package io.tidemark.core.internal.checkpoint;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TidemarkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Internal exceptions of the checkpoint code never reach callers of the public API as such. */
class InternalErrorsAtTheApiTest {
  @TempDir
  Path dir;

  @Test
  void internalCheckpointErrorsBecomePublicTypesNamingTheManifest() {
    TidemarkException stale = new StaleCheckpointBaseException(4, List.of("_manifests/a.parquet"), 2).toPublic();
    assertThat(stale).isExactlyInstanceOf(CorruptLogException.class).hasMessageContaining("_manifests/a.parquet")
        .hasMessageContaining("checkpoint 4");
    assertThat(((CorruptLogException) stale).file()).isEqualTo("_manifests/a.parquet");
    TidemarkException damaged = new UnreadableManifestException("_manifests/b.parquet", "manifest is missing", null)
        .toPublic();
    assertThat(damaged).isExactlyInstanceOf(CorruptLogException.class).hasMessageContaining("manifest is missing");
    TidemarkException io = new UnreadableManifestException("_manifests/c.parquet", "read failed",
        new StorageException("boom", null), true).toPublic();
    assertThat(io).isExactlyInstanceOf(StorageException.class).hasMessageContaining("_manifests/c.parquet");
  }

  @Test
  void aCheckpointOfATableWhoseManifestsAndEarlyCommitsAreGoneFailsWithAPublicType() throws IOException {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, SCHEMA, Map.of(TableProperties.CHECKPOINT_INTERVAL, "2",
        io.tidemark.core.Vacuum.LOG_RETENTION_ENABLED, "true"));
    for (int i = 0; i < 4; i++) {
      append(table, rows(i * 10L, 10));
    }
    try (Stream<Path> manifests = Files.list(dir.resolve("t/_manifests"))) {
      for (Path m : manifests.toList()) {
        Files.delete(m);
      }
    }
    for (int v = 0; v < 4; v++) {
      Files.delete(dir.resolve("t/_log").resolve(LogFiles.commitFileName(v)));
    }
    append(table, rows(100, 10));
    Throwable thrown = catchThrowable(() -> Tables.open(location).checkpoint());
    assertThat(thrown).isNotNull();
    assertThat(thrown.getClass().getPackageName()).isEqualTo("io.tidemark.spec.error");
    assertThat(thrown).isInstanceOf(CorruptLogException.class);
  }
}

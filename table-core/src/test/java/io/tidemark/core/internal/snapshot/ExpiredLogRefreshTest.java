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
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.core.io.LocalFileIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process that has held a table since before log retention expired the commits after the
 * version it knows must not take that version for the newest: after a while without news, a
 * refresh that finds no new commit checks, and loads the table again from its newest checkpoint.
 */
class ExpiredLogRefreshTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void anIdleLoaderWhoseVersionWasExpiredLoadsTheNewestVersion(int knownVersion) throws Exception {
    LocalFileIO io = new LocalFileIO();
    String location = dir.resolve("t").toString();
    Table table = Tables.create(io, location, SCHEMA, Map.of(TableProperties.CHECKPOINT_INTERVAL, "2"));
    for (int i = 0; i < knownVersion; i++) {
      append(table, rows(i * 10L, i * 10L + 10));
    }
    AtomicLong nanos = new AtomicLong();
    SnapshotLoader idle = new SnapshotLoader(new TransactionLog(io, location, 1 << 20), new CheckpointStore(io, location),
        new ManifestCache(io, location, 1 << 20), location, nanos::get);
    assertThat(idle.refresh().version()).isEqualTo(knownVersion);

    for (int i = knownVersion; i < 7; i++) {
      append(table, rows(i * 10L, i * 10L + 10));
    }
    // what log retention does once checkpoint 6 is the oldest retained: commits 1-5 and the
    // checkpoints before 6 go (version 0 stays)
    Path log = dir.resolve("t/_log");
    for (long v = 1; v <= 5; v++) {
      Files.delete(log.resolve(LogFiles.commitFileName(v)));
    }
    Files.delete(log.resolve(LogFiles.checkpointFileName(2)));
    Files.delete(log.resolve(LogFiles.checkpointFileName(4)));

    nanos.addAndGet(TimeUnit.MINUTES.toNanos(11));
    TableState state = idle.refresh();
    assertThat(state.version()).isEqualTo(7);
  }
}

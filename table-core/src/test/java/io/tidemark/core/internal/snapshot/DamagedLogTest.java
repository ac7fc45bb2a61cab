package io.tidemark.core.internal.snapshot;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Scan;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.Vacuum;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.MissingCommitException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.json.CommitCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damage to the log costs only the versions that need the damaged commit (spec 10.1, 14): a
 * version reads from the commits up to it (or a checkpoint and the commits after that), and a
 * missing commit is named, as lost or as expired by log retention.
 */
class DamagedLogTest {
  @TempDir
  Path dir;
  String location;
  final LocalFileIO io = new LocalFileIO();
  /** In-commit timestamps by version, noted before any damage. */
  final Map<Long, Instant> timestamps = new HashMap<>();

  /** Versions 0 (create) to {@code appends}, each append adding 10 rows. */
  private Table table(int appends, Map<String, String> properties) {
    location = dir.resolve("t").toString();
    Table table = Tables.create(io, location, SCHEMA, properties);
    timestamps.put(0L, table.refresh().timestamp());
    for (int i = 0; i < appends; i++) {
      timestamps.put(i + 1L, append(table, rows(i * 10L, i * 10L + 10)).timestamp());
    }
    return table;
  }

  private Path commitFile(long version) {
    return dir.resolve("t").resolve(LogFiles.commitPath(version));
  }

  private static List<Long> ids(Scan scan) {
    return TestTables.read(scan).stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  private static List<Long> ids(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  private static void assertNames(Throwable e, long version) {
    assertThat(e).isInstanceOf(CorruptLogException.class);
    assertThat(((CorruptLogException) e).file()).isEqualTo(LogFiles.commitPath(version));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aTornOrEmptyNewestCommitLeavesEveryOlderVersionReadable(boolean empty) throws Exception {
    table(3, Map.of());
    byte[] bytes = Files.readAllBytes(commitFile(3));
    Files.write(commitFile(3), empty ? new byte[0] : Arrays.copyOf(bytes, bytes.length - 10));

    Table table = Tables.open(io, location);
    assertThatThrownBy(table::refresh).isInstanceOfSatisfying(CorruptLogException.class, e -> {
      assertThat(e.file()).isEqualTo(LogFiles.commitPath(3));
      assertThat(e.line()).isEqualTo(empty ? 0 : 2);
    });
    assertThatThrownBy(() -> ids(table.newScan())).satisfies(e -> assertNames(e, 3));
    assertThatThrownBy(() -> table.snapshot(3)).satisfies(e -> assertNames(e, 3));
    assertThatThrownBy(() -> table.snapshotAsOf(Instant.now())).satisfies(e -> assertNames(e, 3));
    assertThatThrownBy(table::history).satisfies(e -> assertNames(e, 3));

    assertThat(ids(table.newScan().asOfVersion(2))).isEqualTo(ids(0, 20));
    assertThat(table.snapshot(1).recordCount()).isEqualTo(10);
    assertThat(table.snapshot(0).recordCount()).isZero();
    assertThat(table.snapshotAsOf(timestamps.get(2L)).version()).isEqualTo(2);
    assertThat(ids(table.newScan().asOfTimestamp(timestamps.get(1L)))).isEqualTo(ids(0, 10));
  }

  @Test
  void aTableHeldOpenKeepsReadingOlderVersionsWhenTheNextCommitIsTorn() throws Exception {
    Table table = table(3, Map.of());
    Files.writeString(commitFile(4), "{\"commitInfo\":{\"timestamp\":17", StandardCharsets.UTF_8);
    assertThat(ids(table.newScan().asOfVersion(3))).isEqualTo(ids(0, 30));
    assertThat(table.snapshot(1).version()).isEqualTo(1);
    assertThatThrownBy(table::refresh).isInstanceOfSatisfying(CorruptLogException.class, e -> {
      assertThat(e.file()).isEqualTo(LogFiles.commitPath(4));
      assertThat(e.line()).isEqualTo(1);
    });
  }

  @Test
  void aCommitMissingFromTheMiddleOfTheLogCostsOnlyTheVersionsFromItOn() throws Exception {
    table(3, Map.of(TableProperties.CHECKPOINT_INTERVAL, "0"));
    Files.delete(commitFile(2));
    Table table = Tables.open(io, location);
    assertThatThrownBy(table::refresh).isInstanceOfSatisfying(MissingCommitException.class,
        e -> assertThat(e.version()).isEqualTo(2)).satisfies(e -> assertNames(e, 2));
    assertThatThrownBy(() -> table.snapshot(2)).satisfies(e -> assertNames(e, 2));
    assertThat(ids(table.newScan().asOfVersion(1))).isEqualTo(ids(0, 10));
  }

  @Test
  void aCommitMissingBelowTheNewestCheckpointWithoutLogRetentionIsReportedAsLostNotExpired() throws Exception {
    table(5, Map.of(TableProperties.CHECKPOINT_INTERVAL, "2"));
    Files.delete(commitFile(1));
    Table table = Tables.open(io, location);
    // versions at or after a checkpoint never need the commits before it
    assertThat(ids(table.newScan())).isEqualTo(ids(0, 50));
    assertThat(ids(table.newScan().asOfVersion(3))).isEqualTo(ids(0, 30));
    assertThat(table.snapshot(0).recordCount()).isZero();

    assertThatThrownBy(() -> table.snapshot(1)).isInstanceOf(MissingCommitException.class)
        .satisfies(e -> assertNames(e, 1))
        .hasMessageContaining("log.retention.enabled is off")
        .hasMessageNotContaining("no longer available");
    assertThatThrownBy(() -> table.snapshotAsOf(timestamps.get(1L))).satisfies(e -> assertNames(e, 1));
    assertThatThrownBy(table::history).satisfies(e -> assertNames(e, 1));
  }

  /** What log retention leaves once checkpoint 4 is the oldest it keeps: commits 0, 4, 5 and checkpoint 4. */
  private Table expiredBeforeFour() throws Exception {
    table(5, Map.of(TableProperties.CHECKPOINT_INTERVAL, "2", Vacuum.LOG_RETENTION_ENABLED, "true"));
    for (long v = 1; v <= 3; v++) {
      Files.delete(commitFile(v));
    }
    Files.delete(dir.resolve("t/_log").resolve(LogFiles.checkpointFileName(2)));
    return Tables.open(io, location);
  }

  @Test
  void withLogRetentionExpiredVersionsAreNoLongerAvailableAndVersionZeroStaysReadable() throws Exception {
    Table table = expiredBeforeFour();
    assertThat(table.history()).extracting(HistoryEntry::version).containsExactly(0L, 4L, 5L);
    assertThat(ids(table.newScan())).isEqualTo(ids(0, 50));
    assertThat(ids(table.newScan().asOfVersion(4))).isEqualTo(ids(0, 40));
    assertThat(table.snapshot(0).recordCount()).isZero();
    assertThat(ids(table.newScan().asOfVersion(0))).isEmpty();

    assertThatThrownBy(() -> table.snapshot(2)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("version 2").hasMessageContaining("no longer available")
        .hasMessageContaining("oldest version available after version 0 is 4");
    assertThatThrownBy(() -> table.snapshotAsOf(timestamps.get(2L))).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(timestamps.get(2L).toString()).hasMessageContaining("no longer available");
    assertThat(table.snapshotAsOf(timestamps.get(0L)).version()).isZero();
    assertThat(table.snapshotAsOf(timestamps.get(4L)).version()).isEqualTo(4);
    assertThatThrownBy(() -> table.snapshotAsOf(timestamps.get(0L).minusMillis(1)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("before the table's first commit");
  }

  @Test
  void withLogRetentionOnAHoleRetentionCannotHaveMadeIsStillACorruptLog() throws Exception {
    table(5, Map.of(TableProperties.CHECKPOINT_INTERVAL, "2", Vacuum.LOG_RETENTION_ENABLED, "true"));
    Files.delete(commitFile(3)); // retention expires the oldest commits first: 1 and 2 would be gone too
    Table table = Tables.open(io, location);
    assertThat(ids(table.newScan())).isEqualTo(ids(0, 50));
    assertThatThrownBy(() -> table.snapshot(3)).isInstanceOf(MissingCommitException.class)
        .satisfies(e -> assertNames(e, 3)).hasMessageNotContaining("no longer available");
    assertThatThrownBy(table::history).satisfies(e -> assertNames(e, 3));
  }

  @Test
  void anOlderVersionStaysReadableAfterANewerOneRaisesTheProtocolBeyondThisReader() throws Exception {
    table(2, Map.of());
    CommitInfo info = new CommitInfo(timestamps.get(2L).toEpochMilli() + 10, "UPGRADE PROTOCOL", Map.of(), 2L,
        "WriteSerializable", false, "test-txn", Map.of(), "test", 1);
    byte[] upgrade = CommitCodec.encode(List.<Action>of(info, new Protocol(7, 7, Set.of("future"), Set.of())));
    assertThat(io.createExclusive(commitFile(3).toString(), upgrade)).isTrue();

    Table table = Tables.open(io, location);
    assertThatThrownBy(table::refresh).isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("reader version 7");
    assertThatThrownBy(() -> table.snapshot(3)).isInstanceOf(UnsupportedFeatureException.class);
    assertThatThrownBy(table::newAppend).isInstanceOf(UnsupportedFeatureException.class);
    assertThat(ids(table.newScan().asOfVersion(2))).isEqualTo(ids(0, 20));
    assertThat(table.snapshot(1).recordCount()).isEqualTo(10);
    assertThat(table.snapshotAsOf(timestamps.get(2L)).version()).isEqualTo(2);
  }
}

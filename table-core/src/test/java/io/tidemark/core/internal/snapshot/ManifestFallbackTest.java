package io.tidemark.core.internal.snapshot;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.LogCapture;
import io.tidemark.core.Scan;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.internal.checkpoint.CheckpointStore;
import io.tidemark.core.internal.checkpoint.ManifestCache;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.SeekableInputStream;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A checkpoint whose manifests cannot all be read is not used (spec 10.4): the reader loads the
 * same version from an older checkpoint or from the log, warns, and fails only when no complete
 * source remains. It never returns fewer files.
 */
class ManifestFallbackTest {
  @TempDir
  Path dir;
  String location;
  final LocalFileIO io = new LocalFileIO();

  /** Ways a manifest gets damaged. */
  enum Damage {
    DELETED, EMPTY, TRUNCATED, GARBLED
  }

  /**
   * 30 appends of 3 rows with a checkpoint every 10: checkpoint 10 lists manifest A, 20 lists A
   * and B, 30 lists A, B and C (untouched manifests are reused).
   */
  @BeforeEach
  void thirtyAppends() {
    location = dir.resolve("t").toString();
    Table table = Tables.create(io, location, SCHEMA, Map.of(TableProperties.CHECKPOINT_INTERVAL, "10"));
    for (int i = 0; i < 30; i++) {
      append(table, rows(i * 3L, i * 3L + 3));
    }
    assertThat(manifests(30)).hasSize(3).containsAll(manifests(20));
    assertThat(manifests(20)).hasSize(2).containsAll(manifests(10));
  }

  private List<String> manifests(long checkpoint) {
    return new CheckpointStore(io, location).read(checkpoint).orElseThrow().manifests().stream()
        .map(ManifestEntry::path).toList();
  }

  /** The manifest only the newest checkpoint lists. */
  private String newestOnly() {
    List<String> paths = new ArrayList<>(manifests(30));
    paths.removeAll(manifests(20));
    return paths.get(0);
  }

  /** The manifest every checkpoint lists. */
  private String sharedByAll() {
    return manifests(10).get(0);
  }

  private void damage(String manifest, Damage how) throws Exception {
    Path file = dir.resolve("t").resolve(manifest);
    byte[] bytes = Files.readAllBytes(file);
    switch (how) {
      case DELETED -> Files.delete(file);
      case EMPTY -> Files.write(file, new byte[0]);
      case TRUNCATED -> Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
      case GARBLED -> {
        byte[] garbage = new byte[bytes.length];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);
      }
    }
  }

  private SnapshotLoader loader() {
    return new SnapshotLoader(new TransactionLog(io, location, 1 << 20), new CheckpointStore(io, location),
        new ManifestCache(io, location, 1 << 20), location);
  }

  private static List<Long> ids(Scan scan) {
    return TestTables.read(scan).stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  private static List<Long> ids(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedManifestOfTheNewestCheckpointFallsBackToTheOlderCheckpointWithAWarning(Damage how) throws Exception {
    String damaged = newestOnly();
    damage(damaged, how);
    try (LogCapture log = new LogCapture(SnapshotLoader.class)) {
      Table table = Tables.open(io, location);
      assertThat(ids(table.newScan())).isEqualTo(ids(0, 90));
      assertThat(table.refresh().dataFiles()).hasSize(30);
      assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains(damaged).contains("checkpoint 30"));
    }
    SnapshotLoader loader = loader();
    TableState state = loader.refresh();
    assertThat(state.base().version()).as("manifests are read lazily").isEqualTo(30);
    assertThat(state.dataFiles()).hasSize(30);
    assertThat(loader.cached().base().version()).as("the loader now holds the version from checkpoint 20")
        .isEqualTo(20);
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedManifestEveryCheckpointListsFallsBackToTheLog(Damage how) throws Exception {
    damage(sharedByAll(), how);
    Table table = Tables.open(io, location);
    assertThat(ids(table.newScan())).isEqualTo(ids(0, 90));
    assertThat(ids(table.newScan().filter("id >= 30 and id < 33"))).isEqualTo(ids(30, 33));
    SnapshotLoader loader = loader();
    assertThat(loader.refresh().dataFiles()).hasSize(30);
    assertThat(loader.cached().base()).isNull();
  }

  @Test
  void timeTravelToAVersionWhoseCheckpointHasAMissingManifestReadsTheSameRows() throws Exception {
    List<String> ofTwenty = new ArrayList<>(manifests(20));
    ofTwenty.removeAll(manifests(10));
    damage(ofTwenty.get(0), Damage.DELETED);
    Table table = Tables.open(io, location);
    assertThat(ids(table.newScan().asOfVersion(25))).isEqualTo(ids(0, 75));
    assertThat(ids(table.newScan().asOfVersion(20))).isEqualTo(ids(0, 60));
    assertThat(ids(table.newScan())).isEqualTo(ids(0, 90));
  }

  @Test
  void aManifestHoldingMoreRowsThanItsEntrySaysIsNotUsed() throws Exception {
    String damaged = newestOnly();
    Path checkpoint = dir.resolve("t/_log").resolve(LogFiles.checkpointFileName(30));
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(checkpoint, StandardCharsets.UTF_8)) {
      if (line.startsWith("{\"checkpoint\"")) {
        line = line.replace("\"numFiles\":30", "\"numFiles\":29");
      } else if (line.contains(damaged)) {
        line = line.replace("\"fileCount\":10", "\"fileCount\":9");
      }
      lines.add(line);
    }
    Files.write(checkpoint, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    SnapshotLoader loader = loader();
    assertThat(loader.refresh().base().version()).isEqualTo(30);
    assertThat(loader.refresh().dataFiles()).hasSize(30);
    assertThat(loader.cached().base().version()).isEqualTo(20);
    assertThat(ids(Tables.open(io, location).newScan())).isEqualTo(ids(0, 90));
  }

  @Test
  void aCheckpointWhoseHeaderCountsDisagreeWithItsManifestListIsNotUsed() throws Exception {
    Path checkpoint = dir.resolve("t/_log").resolve(LogFiles.checkpointFileName(30));
    String text = Files.readString(checkpoint, StandardCharsets.UTF_8);
    assertThat(text).contains("\"numRecords\":90");
    Files.writeString(checkpoint, text.replace("\"numRecords\":90", "\"numRecords\":87"), StandardCharsets.UTF_8);
    assertThat(loader().refresh().base().version()).isEqualTo(20);
    assertThat(ids(Tables.open(io, location).newScan())).isEqualTo(ids(0, 90));
  }

  @Test
  void whenNoCompleteSourceRemainsTheScanFailsNamingTheManifestAndTheMissingCommit() throws Exception {
    String damaged = sharedByAll();
    damage(damaged, Damage.DELETED);
    for (long v = 1; v <= 5; v++) {
      Files.delete(dir.resolve("t").resolve(LogFiles.commitPath(v)));
    }
    Table table = Tables.open(io, location);
    for (Runnable read : List.<Runnable>of(() -> ids(table.newScan()), () -> table.refresh().dataFiles(),
        () -> table.newScan().filter("id = 1").plan())) {
      assertThatThrownBy(read::run).isInstanceOfSatisfying(CorruptLogException.class,
              e -> assertThat(e.file()).isEqualTo(damaged))
          .hasMessageContaining(LogFiles.commitPath(1));
    }
    // a filter that prunes the damaged manifest away needs none of what is missing
    assertThat(ids(table.newScan().filter("id >= 60 and id < 63"))).isEqualTo(ids(60, 63));
  }

  /** Local storage on which reading one manifest fails with an I/O error while {@code failing} is set. */
  static final class FailingManifestIO extends ForwardingFileIO {
    final String manifest;
    volatile boolean failing = true;

    FailingManifestIO(String manifest) {
      super(new LocalFileIO());
      this.manifest = manifest;
    }

    @Override
    public InputFile newInputFile(String location) {
      InputFile file = delegate().newInputFile(location);
      if (!location.endsWith(manifest)) {
        return file;
      }
      return new InputFile() {
        @Override
        public String location() {
          return location;
        }

        @Override
        public long getLength() throws IOException {
          if (failing) {
            throw new IOException("connection reset");
          }
          return file.getLength();
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
          return file.newStream();
        }
      };
    }
  }

  @Test
  void aManifestStorageFailsToReadIsReplacedForThatReadAndTheStorageErrorIsWhatRemainsWithoutOtherSource()
      throws Exception {
    FailingManifestIO flaky = new FailingManifestIO(newestOnly());
    Table table = Tables.open(flaky, location);
    assertThat(ids(table.newScan())).isEqualTo(ids(0, 90));

    FailingManifestIO flakyShared = new FailingManifestIO(sharedByAll());
    for (long v = 1; v <= 5; v++) {
      Files.delete(dir.resolve("t").resolve(LogFiles.commitPath(v)));
    }
    Table expired = Tables.open(flakyShared, location);
    assertThatThrownBy(() -> ids(expired.newScan())).isInstanceOf(StorageException.class)
        .isNotInstanceOf(CorruptLogException.class).hasMessageContaining("connection reset");
    flakyShared.failing = false;
    assertThat(ids(expired.newScan())).isEqualTo(ids(0, 90));
  }

  @Test
  void aLoaderThatFoundADamagedManifestNeitherUsesNorReusesItAgain() throws Exception {
    String damaged = newestOnly();
    Table table = Tables.open(io, location);
    damage(damaged, Damage.DELETED);
    assertThat(ids(table.newScan())).isEqualTo(ids(0, 90));
    for (int i = 30; i < 40; i++) {
      append(table, rows(i * 3L, i * 3L + 3));
    }
    assertThat(manifests(40)).doesNotContain(damaged);
    try (LogCapture log = new LogCapture(SnapshotLoader.class)) {
      assertThat(ids(table.newScan())).isEqualTo(ids(0, 120));
      assertThat(ids(Tables.open(io, location).newScan())).isEqualTo(ids(0, 120));
      assertThat(log.warnings()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Damage.class, names = {"DELETED", "TRUNCATED"})
  void anExplicitCheckpointOverADamagedManifestWritesOneThatDoesNotListIt(Damage how) throws Exception {
    String damaged = sharedByAll();
    Table table = Tables.open(io, location);
    append(table, rows(90, 93));
    damage(damaged, how);
    assertThat(table.checkpoint()).isEqualTo(31);
    assertThat(manifests(31)).doesNotContain(damaged);
    assertThat(ids(Tables.open(io, location).newScan())).isEqualTo(ids(0, 93));
  }
}

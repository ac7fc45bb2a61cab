package io.tidemark.core.internal.ops;

import static io.tidemark.core.internal.ops.OpsFixtures.vacuumFromTheFuture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.Vacuum;
import io.tidemark.core.VacuumReport;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.spec.error.OutsideTableException;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table touches nothing outside its root: however its location is written, whatever its
 * partition values contain, through symbolic links and through paths in a doctored log, no
 * operation reads, writes or deletes a file whose real location is outside the table.
 */
class TableBoundaryTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, key string");
  private static final List<String> AWKWARD_VALUES = Arrays.asList("a/b", "x:y", "New York", "50%", "München",
      "..", ".", "back\\slash", "%2F", "a%2F..%2F..%2Fb", "__NULL__", "", "東京都", "tab\there", "x".repeat(1_000),
      "é/".repeat(500), null);

  @TempDir
  Path dir;

  /** The ways a user may write the location of {@code dir/t}. */
  static Stream<String> spellings() {
    return Stream.of("path", "file:/", "file:///", "file://localhost/", "relative", "dot-dot", "trailing-slash");
  }

  private String spell(String how, Path table) {
    Path abs = table.toAbsolutePath();
    return switch (how) {
      case "path" -> abs.toString();
      case "file:/" -> "file:" + abs.toUri().getRawPath();
      case "file:///" -> abs.toUri().toString();
      case "file://localhost/" -> "file://localhost" + abs.toUri().getRawPath();
      case "relative" -> Paths.get("").toAbsolutePath().relativize(abs).toString();
      case "dot-dot" -> abs.getParent().resolve("x").resolve("..").resolve(abs.getFileName()).toString();
      case "trailing-slash" -> abs + "/";
      default -> throw new IllegalArgumentException(how);
    };
  }

  private static List<Record> awkwardRows() {
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < AWKWARD_VALUES.size(); i++) {
      rows.add(Record.of(SCHEMA, (long) i, AWKWARD_VALUES.get(i)));
    }
    return rows;
  }

  private static Map<Long, String> rowsOf(Table table) {
    Map<Long, String> out = new HashMap<>();
    for (Record r : TestTables.read(table.newScan())) {
      out.put((Long) r.get("id"), (String) r.get("key"));
    }
    return out;
  }

  private static Map<Long, String> expectedRows() {
    Map<Long, String> out = new HashMap<>();
    for (int i = 0; i < AWKWARD_VALUES.size(); i++) {
      out.put((long) i, AWKWARD_VALUES.get(i));
    }
    return out;
  }

  private static void append(Table table, List<Record> rows) {
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(rows);
      w.commit();
    }
  }

  @ParameterizedTest
  @MethodSource("spellings")
  void everySpellingOfALocationNamesTheSameFilesAndPartitionValuesRoundTrip(String how) {
    Path t = dir.resolve("t");
    Table created = Tables.create(spell(how, t), SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("key").build(),
        Map.of());
    assertThat(created.location()).isEqualTo(t.toAbsolutePath().toString());
    append(created, awkwardRows());
    for (String other : spellings().toList()) {
      Table reopened = Tables.open(spell(other, t));
      assertThat(reopened.location()).as(other).isEqualTo(created.location());
      assertThat(rowsOf(reopened)).as(other).isEqualTo(expectedRows());
    }
    // every file older than any window: only what the newest version references survives
    Table table = Tables.open(spell(how, t));
    vacuumFromTheFuture(table, Duration.ofDays(8)).retain(Vacuum.DEFAULT_RETENTION).execute();
    assertThat(rowsOf(Tables.open(t.toString()))).isEqualTo(expectedRows());
    append(table, List.of(Record.of(SCHEMA, 100L, "a/b")));
    table.compact().targetFileSizeBytes(64 << 20).commit(); // 3
    table.newDelete().where("id = 0").commit();
    Map<Long, String> expected = expectedRows();
    expected.put(100L, "a/b");
    expected.remove(0L);
    assertThat(rowsOf(Tables.open(t.toString()))).isEqualTo(expected);
    table.restore().toVersion(3).commit();
    expected.put(0L, "a/b");
    vacuumFromTheFuture(table, Duration.ofDays(8)).retain(Duration.ZERO).execute();
    assertThat(rowsOf(Tables.open(spell(how, t)))).isEqualTo(expected);
    assertThat(table.refresh().dataFiles()).extracting(DataFile::path)
        .allSatisfy(p -> assertThat(t.resolve(p)).isRegularFile());
  }

  @Test
  void aFileUriThatIsNotAValidUriIsAClearError() {
    assertThatThrownBy(() -> Tables.open("file://" + dir.toAbsolutePath() + "/New York"))
        .isInstanceOf(TidemarkException.class).hasMessageContaining("percent-encoded");
  }

  /** Canary files beside the table and behind a link inside it, dated long ago. */
  private List<Path> plantCanaries(Path table) throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    List<Path> canaries = new ArrayList<>();
    for (String name : List.of("old.parquet", "x.parquet", "data/old.parquet", "_log/00000000000000000001.json",
        "_manifests/m.parquet")) {
      Path p = outside.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "canary " + name);
      Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
      canaries.add(p);
    }
    Files.createDirectories(table.resolve("data"));
    Files.createSymbolicLink(table.resolve("data/link"), outside);
    Files.createSymbolicLink(table.resolve("data/linked.parquet"), outside.resolve("old.parquet"));
    return canaries;
  }

  private static void assertCanariesIntact(List<Path> canaries) throws IOException {
    for (Path c : canaries) {
      assertThat(c).as(c.toString()).isRegularFile();
      String name = c.getParent().getFileName().toString().equals("outside") ? c.getFileName().toString()
          : c.getParent().getFileName() + "/" + c.getFileName();
      assertThat(Files.readString(c)).isEqualTo("canary " + name);
    }
  }

  @Test
  void noOperationTouchesFilesBehindALinkOrBesideTheTable() throws IOException {
    Path t = dir.resolve("t");
    Table table = Tables.create(t.toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("key").build(),
        Map.of(TableProperties.CHECKPOINT_INTERVAL, "2", Vacuum.LOG_RETENTION_ENABLED, "true"));
    List<Path> canaries = plantCanaries(t);
    append(table, awkwardRows());
    append(table, List.of(Record.of(SCHEMA, 100L, "a"), Record.of(SCHEMA, 101L, "b")));
    table.newDelete().where("id = 100").commit();
    try (var o = table.newOverwrite().where("key = 'b'")) {
      o.writeAll(List.of(Record.of(SCHEMA, 102L, "b")));
      o.commit();
    }
    table.compact().targetFileSizeBytes(64 << 20).commit();
    table.restore().toVersion(2).commit();
    table.checkpoint();
    List<Function<Table, Vacuum>> vacuums = List.of(Table::vacuum,
        x -> vacuumFromTheFuture(x, Duration.ofDays(8)).retain(Vacuum.DEFAULT_RETENTION),
        x -> vacuumFromTheFuture(x, Duration.ofDays(8)).retain(Duration.ZERO));
    for (Function<Table, Vacuum> vacuum : vacuums) {
      VacuumReport report = vacuum.apply(table).execute();
      assertThat(report.dataFiles()).noneMatch(p -> p.contains("link"));
      assertCanariesIntact(canaries);
    }
    assertThat(t.resolve("data/link")).isSymbolicLink();
    Map<Long, String> expected = expectedRows();
    expected.put(100L, "a");
    expected.put(101L, "b");
    assertThat(rowsOf(Tables.open("file://" + t.toAbsolutePath()))).isEqualTo(expected);
  }

  @Test
  void aDataDirectoryThatLinksOutOfTheTableIsRefusedByEveryOperation() throws IOException {
    Path t = dir.resolve("t");
    Table table = Tables.create(t.toString(), SCHEMA);
    append(table, List.of(Record.of(SCHEMA, 1L, "a")));
    append(table, List.of(Record.of(SCHEMA, 2L, "b")));
    Path elsewhere = dir.resolve("elsewhere");
    Files.move(t.resolve("data"), elsewhere);
    Files.createSymbolicLink(t.resolve("data"), elsewhere);
    Path canary = Files.writeString(elsewhere.resolve("orphan.parquet"), "not the table's");
    Files.setLastModifiedTime(canary, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
    List<String> before;
    try (Stream<Path> files = Files.list(elsewhere)) {
      before = files.map(Path::toString).sorted().toList();
    }
    Table reopened = Tables.open(t.toString());
    assertThatThrownBy(() -> TestTables.read(reopened.newScan())).isInstanceOf(OutsideTableException.class)
        .hasMessageContaining("resolves to " + elsewhere.toRealPath());
    assertThatThrownBy(() -> vacuumFromTheFuture(reopened, Duration.ofDays(8)).retain(Duration.ZERO).execute())
        .isInstanceOf(OutsideTableException.class);
    assertThatThrownBy(() -> append(reopened, List.of(Record.of(SCHEMA, 3L, "c"))))
        .isInstanceOf(OutsideTableException.class);
    assertThatThrownBy(() -> reopened.compact().commit()).isInstanceOf(OutsideTableException.class);
    // listing the planned files' directories (restore, a scan checking for missing files) refuses it too
    assertThatThrownBy(() -> reopened.newScan().missingFiles()).isInstanceOf(OutsideTableException.class);
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertThat(files.map(Path::toString).sorted().toList()).isEqualTo(before);
    }
    assertThat(reopened.refresh().version()).isEqualTo(2);
  }

  @Test
  void aDataFileThatIsALinkOutOfTheTableIsNeitherReadNorDeleted() throws IOException {
    Path t = dir.resolve("t");
    Table table = Tables.create(t.toString(), SCHEMA);
    append(table, List.of(Record.of(SCHEMA, 1L, "a")));
    Path file = t.resolve(table.refresh().dataFiles().iterator().next().path());
    Path target = Files.move(file, dir.resolve("target.parquet"));
    Files.createSymbolicLink(file, target);
    byte[] content = Files.readAllBytes(target);
    assertThatThrownBy(() -> TestTables.read(Tables.open(t.toString()).newScan()))
        .isInstanceOf(OutsideTableException.class);
    assertThatThrownBy(() -> Tables.open(t.toString()).newScan().missingFiles())
        .as("a link out of the table is not reported as a vacuumed file").isInstanceOf(OutsideTableException.class);
    table.newDelete().where("id = 1").commit(); // statistics prove every row matches: the file is not opened
    vacuumFromTheFuture(table, Duration.ofDays(8)).retain(Duration.ZERO).execute();
    assertThat(Files.readAllBytes(target)).isEqualTo(content);
  }

  /**
   * A commit naming a path that leaves the table, written by hand into the log: the table is read
   * by a {@code file:} URI, which a storage might decode; the file the path would escape to exists.
   */
  @ParameterizedTest
  @ValueSource(strings = {"data/..%2F..%2Foutside%2Fx.parquet", "data/%2E%2E/%2E%2E/outside/x.parquet",
      "data/../../outside/x.parquet", "/OUTSIDE/x.parquet", "file:/OUTSIDE/x.parquet", "data\\..\\..\\outside"})
  void aLoggedPathThatWouldLeaveTheTableIsNeverRead(String path) throws IOException {
    Path t = dir.resolve("t");
    Table table = Tables.create(t.toString(), SCHEMA);
    append(table, List.of(Record.of(SCHEMA, 1L, "a")));
    String original = table.refresh().dataFiles().iterator().next().path();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.copy(t.resolve(original), outside.resolve("x.parquet"));
    Files.delete(t.resolve(original));
    Path commit = t.resolve(LogFiles.commitPath(1));
    String doctored = Files.readString(commit).replace("\"" + original + "\"",
        "\"" + path.replace("OUTSIDE", outside.toString().substring(1)).replace("\\", "\\\\") + "\"");
    Files.writeString(commit, doctored, StandardCharsets.UTF_8);
    for (String location : List.of("file://" + t.toAbsolutePath(), "file:" + t.toAbsolutePath(), t.toString())) {
      assertThatThrownBy(() -> TestTables.read(Tables.open(location).newScan())).as(location)
          .isInstanceOf(TidemarkException.class);
    }
    assertThat(outside.resolve("x.parquet")).exists();
  }
}

package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.DuplicateTransactionException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.OutsideTableException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write here, commit there: data writers hand back files, which an append of files commits once. */
class AppendFilesTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, day date, amount double");

  @TempDir
  Path dir;

  static Record row(long id) {
    return Record.of(SCHEMA, id, java.time.LocalDate.of(2024, 1, 1).plusDays(id % 3), id / 2.0);
  }

  private Table create() {
    return Tables.create(dir.resolve("t").toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("day")
        .build(), Map.of());
  }

  private static List<Long> ids(Table table) {
    return TestTables.read(table.newScan()).stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  private static List<DataFile> write(Table table, long from, long to) {
    try (DataWriter w = table.newDataWriter()) {
      for (long id = from; id < to; id++) {
        w.write(row(id));
      }
      return w.finish();
    }
  }

  private Process worker(String location, long from, long to, Path out, long sleep) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        DataWriterWorkerMain.class.getName(), location, Long.toString(from), Long.toString(to), out.toString(),
        Long.toString(sleep)).redirectError(dir.resolve(out.getFileName() + ".err").toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @SuppressWarnings("unchecked")
  private static List<DataFile> readDescriptions(Path file) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      return (List<DataFile>) in.readObject();
    }
  }

  @Test
  void filesWrittenInTwoProcessesAreCommittedByAThirdExactlyOnce() throws Exception {
    Table table = create();
    Path a = dir.resolve("a.bin");
    Path b = dir.resolve("b.bin");
    Process pa = worker(table.location(), 0, 3_000, a, 0);
    Process pb = worker(table.location(), 3_000, 5_000, b, 0);
    for (Process p : List.of(pa, pb)) {
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
    assertThat(ids(table)).as("written, not committed").isEmpty();
    List<DataFile> files = new ArrayList<>(readDescriptions(a));
    files.addAll(readDescriptions(b));
    assertThat(files).hasSize(6); // three days from each writer

    CommitResult result = table.newAppendFiles().appendFiles(files).commit();
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.rowsAdded()).isEqualTo(5_000);
    assertThat(ids(table)).isEqualTo(range(0, 5_000));
    // the log holds exactly the descriptions: statistics as the writers computed them
    Map<String, DataFile> logged = table.refresh().dataFiles().stream()
        .collect(Collectors.toMap(DataFile::path, f -> f));
    for (DataFile f : files) {
      assertThat(logged.get(f.path())).isEqualTo(f);
      assertThat(f.columnStatistics().get(1).lowerBound()).isNotNull();
    }
    assertThatThrownBy(() -> table.newAppendFiles().appendFiles(files).commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("already in the table");
    assertThat(table.refresh().version()).isEqualTo(1);
    assertThat(ids(table)).hasSize(5_000);
  }

  @Test
  void aWriterKilledBeforeCommitLeavesNoRowsAndOnlyOrphans() throws Exception {
    Table table = create();
    Process p = worker(table.location(), 0, 1_000_000, dir.resolve("killed.bin"), 50);
    Thread.sleep(1_500);
    p.destroyForcibly();
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(dir.resolve("killed.bin")).doesNotExist();
    assertThat(table.refresh().version()).isZero();
    assertThat(ids(table)).isEmpty();
    table.newAppendFiles().appendFiles(write(table, 0, 10)).commit();
    io.tidemark.core.Vacuum vacuum = table.vacuum().retain(java.time.Duration.ZERO).force(true);
    vacuum.execute();
    assertThat(ids(table)).isEqualTo(range(0, 10));
    try (var onDisk = Files.walk(dir.resolve("t/data"))) {
      assertThat(onDisk.filter(Files::isRegularFile).map(f -> dir.resolve("t").relativize(f).toString()))
          .containsExactlyInAnyOrderElementsOf(table.refresh().dataFiles().stream().map(DataFile::path).toList());
    }
  }

  @Test
  void theSameFilesCommittedConcurrentlyLandOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        Table table = Tables.create(dir.resolve("r" + round).toString(), SCHEMA, Map.of());
        List<DataFile> files = write(table, 0, 100);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<CommitResult>> commits = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          commits.add(pool.submit(() -> {
            Table mine = Tables.open(table.location());
            start.await();
            return mine.newAppendFiles().appendFiles(files).commit();
          }));
        }
        int landed = 0;
        for (Future<CommitResult> f : commits) {
          try {
            f.get(1, TimeUnit.MINUTES);
            landed++;
          } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfAny(CommitConflictException.class, InvalidArgumentException.class);
          }
        }
        assertThat(landed).as("round %d", round).isEqualTo(1);
        assertThat(ids(table)).isEqualTo(range(0, 100));
        assertThat(table.refresh().version()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anApplicationTransactionMakesARetriedCommitADuplicate() {
    Table table = create();
    List<DataFile> files = write(table, 0, 30);
    table.newAppendFiles().appendFiles(files).applicationTransaction("ingest", 7).commit();
    assertThatThrownBy(() -> table.newAppendFiles().appendFiles(write(table, 30, 40))
        .applicationTransaction("ingest", 7).commit()).isInstanceOf(DuplicateTransactionException.class);
    assertThat(ids(table)).isEqualTo(range(0, 30));
  }

  @Test
  void descriptionsThatDoNotMatchTheTableOrTheStorageAreRefused() throws Exception {
    Table table = create();
    DataFile good = write(table, 0, 10).get(0);
    Map<String, DataFile> bad = new HashMap<>();
    bad.put("does not exist", new DataFile("data/nope.parquet", good.specId(), good.partitionValues(),
        good.fileSizeBytes(), good.recordCount(), good.columnStatistics()));
    bad.put("bytes, not the", new DataFile(good.path(), good.specId(), good.partitionValues(),
        good.fileSizeBytes() + 1, good.recordCount(), good.columnStatistics()));
    bad.put("partition spec 7", new DataFile(good.path(), 7, good.partitionValues(), good.fileSizeBytes(),
        good.recordCount(), good.columnStatistics()));
    bad.put("partition values", new DataFile(good.path(), good.specId(), Map.of("nope", 1),
        good.fileSizeBytes(), good.recordCount(), good.columnStatistics()));
    bad.put("deleted rows", new DataFile(good.path(), good.specId(), good.partitionValues(),
        good.fileSizeBytes(), good.recordCount(), good.columnStatistics(), 2));
    for (Map.Entry<String, DataFile> e : bad.entrySet()) {
      assertThatThrownBy(() -> table.newAppendFiles().appendFile(e.getValue()).commit()).as(e.getKey())
          .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(e.getKey());
    }
    assertThatThrownBy(() -> new DataFile("../x.parquet", 0, Map.of(), 1, 1, Map.of()))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> new DataFile("data/x.parquet", 0, Map.of(), 1, 1, Map.of(), 2))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("2 deleted rows of 1");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path linkDir = dir.resolve("t/data/linked");
    Files.createSymbolicLink(linkDir, outside);
    Files.copy(dir.resolve("t").resolve(good.path()), outside.resolve("x.parquet"));
    DataFile linked = new DataFile("data/linked/x.parquet", good.specId(), good.partitionValues(),
        good.fileSizeBytes(), good.recordCount(), good.columnStatistics());
    assertThatThrownBy(() -> table.newAppendFiles().appendFile(linked).commit())
        .isInstanceOf(OutsideTableException.class);
    assertThatThrownBy(() -> table.newAppendFiles().appendFile(good).appendFile(good))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("twice");
    assertThat(table.refresh().version()).isZero();
    table.newAppendFiles().appendFile(good).commit();
    assertThat(ids(table)).hasSize((int) good.recordCount());
  }

  @Test
  void aDataWriterTakesOnlyRowsOfTheTableSchemaAndDeletesItsFilesWhenAborted() throws Exception {
    Table table = create();
    DataWriter w = table.newDataWriter();
    assertThatThrownBy(() -> w.write(Record.of(SchemaDdl.parse("id long"), 1L)))
        .isInstanceOf(SchemaMismatchException.class);
    for (long id = 0; id < 1_000; id++) {
      w.write(row(id)); // past the rows a writer holds before it opens a file
    }
    try (var files = Files.walk(dir.resolve("t/data"))) {
      assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty();
    }
    w.close();
    try (var files = Files.walk(dir.resolve("t/data"))) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
    assertThatThrownBy(() -> w.write(row(2))).isInstanceOf(TidemarkException.class);
    assertThat(new LocalFileIO().list(table.location() + "/_log/", null)).hasSize(1);
  }
}

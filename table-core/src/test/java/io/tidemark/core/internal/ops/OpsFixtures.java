package io.tidemark.core.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Scan;
import io.tidemark.core.Table;
import io.tidemark.core.TestTables;
import io.tidemark.core.Vacuum;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.FileEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Shared helpers of the operation tests. */
final class OpsFixtures {
  private OpsFixtures() {}

  /** The ids of a scan's rows, sorted. */
  static List<Long> ids(Scan scan) {
    return TestTables.read(scan).stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  /** The ids of the newest snapshot's rows, sorted. */
  static List<Long> ids(Table table) {
    return ids(table.newScan());
  }

  /** The rows of a scan as a sorted list of their string forms (a multiset to compare). */
  static List<String> rowsOf(Scan scan) {
    return TestTables.read(scan).stream().map(Record::toString).sorted().toList();
  }

  /** Files under the table's data/ folder, relative to the table root. */
  static Set<String> dataFilesOnDisk(Table table) {
    try {
      String root = table.location() + "/";
      return table.io().list(root + "data/", null).stream().map(FileEntry::location)
          .map(l -> l.substring(root.length())).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commit versions whose files are in _log/. */
  static Set<Long> commitFiles(Table table) {
    try {
      return table.io().list(table.location() + "/_log/", null).stream()
          .map(e -> LogFiles.parseCommitVersion(e.name())).filter(v -> v >= 0)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A vacuum whose clock runs {@code ahead} of the real one, so that every file and version
   * written so far is older than a window shorter than that.
   */
  static Vacuum vacuumFromTheFuture(Table table, Duration ahead) {
    return new BaseVacuum((TableContext) table, Clock.offset(Clock.systemUTC(), ahead)).force(true);
  }

  /** Row names by id (of rows with {@code id} and {@code name}), failing on an id seen twice. */
  static Map<Long, String> namesById(List<Record> rows) {
    Map<Long, String> out = new TreeMap<>();
    for (Record r : rows) {
      assertThat(out.put((Long) r.get("id"), (String) r.get("name")))
          .as("id %s twice", r.get("id")).isNull();
    }
    return out;
  }

  /**
   * Runs a main class in a new JVM with the test class path, waits until it prints {@code ready} and
   * then {@code committed} (its first commit), lets it work for a random 0 to 1.5 seconds more and
   * kills it (SIGKILL), for crash tests.
   *
   * @param out where its standard output goes (and error output, beside it with {@code .err})
   */
  static void killWhileWorking(Class<?> main, Path out, Random random, String... args)
      throws Exception {
    Path err = Path.of(out + ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(out).contains("ready") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(Files.readString(out))
          .as(Files.readString(err)).contains("ready");
      // the kill falls after the first commit of the round, so that a loaded machine, where a
      // worker can take seconds to commit once, still sees work done and killed mid-way
      while (!Files.readString(out).contains("committed") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(Files.readString(out))
          .as(Files.readString(err)).contains("committed");
      p.waitFor(random.nextInt(1500), TimeUnit.MILLISECONDS);
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }
}

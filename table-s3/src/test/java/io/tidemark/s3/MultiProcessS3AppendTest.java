package io.tidemark.s3;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.AppendWorkerMain;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three JVMs append to one S3 table at once, each opening it by location through
 * {@link S3FileIOProvider} with the endpoint as table options (as the CLI passes it): every commit
 * gets its own version, no gap, no row lost or doubled.
 */
@ExtendWith(S3Extension.class)
class MultiProcessS3AppendTest {
  private static final int PROCESSES = 3;
  private static final int APPENDS = 20;
  private static final int ROWS = 5;

  @TempDir
  Path dir;

  @Test
  void threeJvmsRacingOnOneS3TableLoseNothingAndLeaveNoGap(S3TestEnv env) throws Exception {
    String location = env.newPrefix() + "/t";
    Tables.create(env.io(), location, SCHEMA, Map.of());
    Path go = dir.resolve("go");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), AppendWorkerMain.class.getName(),
          location, Integer.toString(p), Integer.toString(APPENDS), Integer.toString(ROWS), go.toString()));
      env.tableOptions().forEach((k, v) -> command.add(k + "=" + v));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env.childEnv());
      pb.redirectError(dir.resolve("worker-" + p + ".err").toFile());
      pb.redirectOutput(dir.resolve("worker-" + p + ".out").toFile());
      processes.add(pb.start());
    }
    Thread.sleep(1500); // let the JVMs start so that they race from the first commit
    Files.createFile(go);
    Set<Long> versions = new HashSet<>();
    for (int p = 0; p < PROCESSES; p++) {
      Process process = processes.get(p);
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("worker %d finished", p).isTrue();
      assertThat(process.exitValue()).as("worker %d exit code; stderr: %s", p,
          Files.readString(dir.resolve("worker-" + p + ".err"))).isZero();
      for (String line : Files.readAllLines(dir.resolve("worker-" + p + ".out"), StandardCharsets.UTF_8)) {
        assertThat(versions.add(Long.parseLong(line.trim()))).as("version %s reported twice", line).isTrue();
      }
    }
    long total = (long) PROCESSES * APPENDS;
    assertThat(versions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    Table table = Tables.open(env.io(), location);
    assertThat(table.refresh().version()).isEqualTo(total);
    assertThat(table.history()).extracting(HistoryEntry::version)
        .containsExactlyElementsOf(LongStream.rangeClosed(0, total).boxed().toList());
    assertThat(read(table.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, total * ROWS));
  }
}

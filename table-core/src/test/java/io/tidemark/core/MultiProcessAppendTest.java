package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiProcessAppendTest {
  private static final int PROCESSES = 3;
  private static final int APPENDS = 30;
  private static final int ROWS = 5;

  @TempDir
  Path dir;

  @Test
  void threeJvmProcessesRacingLoseNothingAndLeaveNoGap() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, SCHEMA);
    Path go = dir.resolve("go");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          AppendWorkerMain.class.getName(), location, Integer.toString(p), Integer.toString(APPENDS),
          Integer.toString(ROWS), go.toString());
      pb.redirectError(dir.resolve("worker-" + p + ".err").toFile());
      pb.redirectOutput(dir.resolve("worker-" + p + ".out").toFile());
      processes.add(pb.start());
    }
    Thread.sleep(500); // let the JVMs start so that they race from the first commit
    Files.createFile(go);
    Set<Long> versions = new HashSet<>();
    for (int p = 0; p < PROCESSES; p++) {
      Process process = processes.get(p);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("worker %d finished", p).isTrue();
      assertThat(process.exitValue()).as("worker %d exit code; stderr: %s", p, stderr(p)).isZero();
      for (String line : Files.readAllLines(dir.resolve("worker-" + p + ".out"), StandardCharsets.UTF_8)) {
        assertThat(versions.add(Long.parseLong(line.trim()))).as("version %s reported twice", line).isTrue();
      }
    }
    long total = (long) PROCESSES * APPENDS;
    assertThat(versions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(table.refresh().version()).isEqualTo(total);
    assertThat(read(table.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, total * ROWS));
  }

  private String stderr(int p) throws IOException {
    return Files.readString(dir.resolve("worker-" + p + ".err"));
  }
}

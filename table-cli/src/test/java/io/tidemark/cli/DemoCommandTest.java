package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir
  Path dir;

  @Test
  void demoIntoATempDirSucceedsAndPrintsHistoryAndBothReads() {
    Path table = dir.resolve("demo");
    Cli.Result r = Cli.ok("demo", table.toString());
    assertThat(r.err()).isEmpty();
    String out = r.out();
    assertThat(out).contains("a table of web-shop orders at " + table);
    assertThat(out).contains("version  timestamp").contains("CREATE TABLE").contains("mode=Append");
    assertThat(out).containsPattern("      3  \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z  WRITE");
    assertThat(out).contains("Time travel to version 1").contains("(3 rows)").contains("(8 rows)");
    // what the demo printed is what the commands print
    assertThat(out).contains(Cli.ok("history", table.toString()).out());
    assertThat(out).contains(Cli.ok("scan", table.toString(), "--version", "1").out());
    assertThat(out).contains(Cli.ok("scan", table.toString()).out());
  }

  @Test
  void demoIntoADirThatHoldsATableFails() {
    Path table = dir.resolve("demo");
    Cli.ok("demo", table.toString());
    Cli.Result r = Cli.run("demo", table.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("tidemark: " + table + " already holds a table; give a directory without one,"
            + " or no DIR to use a new temporary directory");
  }

  @Test
  void demoWithoutDirCreatesANewTempDir() throws IOException {
    Cli.Result r = Cli.ok("demo");
    String first = r.out().lines().findFirst().orElseThrow();
    Path made = Path.of(first.substring(first.indexOf(" at ") + 4));
    try {
      assertThat(made.getFileName().toString()).startsWith("tidemark-demo-");
      assertThat(made.resolve("_log")).isDirectory();
    } finally {
      try (Stream<Path> files = Files.walk(made)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

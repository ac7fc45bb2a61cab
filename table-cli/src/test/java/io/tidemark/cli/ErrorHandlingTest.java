package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorHandlingTest {
  @TempDir
  Path dir;

  @Test
  void versionPrintsTheVersion() {
    assertThat(Cli.ok("--version").out()).isEqualTo("tidemark 0.1.0\n");
  }

  @Test
  void helpListsTheSubcommandsAndExitsZero() {
    assertThat(Cli.ok("--help").out()).contains("demo", "create", "append", "scan", "history", "--verbose");
    assertThat(Cli.ok("scan", "--help").out()).contains("JSON Lines", "RFC 4180", "--as-of", "--version");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitTwo() {
    Cli.Result r = Cli.run("scan", dir.toString(), "--bogus");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Try 'tidemark scan --help'").doesNotContain("Usage:");
  }

  @Test
  void aMissingParameterIsAUsageErrorWithExitTwo() {
    Cli.Result r = Cli.run("create", dir.resolve("t").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required argument").contains("--schema=COLUMNS").contains("--like=FILE");
    assertThat(Cli.run("append").exitCode()).isEqualTo(2);
  }

  @Test
  void aBadNumberIsAUsageErrorWithExitTwo() {
    Cli.Result r = Cli.run("scan", dir.toString(), "--limit", "ten");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'ten' is not a long");
  }

  @Test
  void aBadPropertyIsAUsageErrorWithExitTwo() {
    Cli.Result r = Cli.run("create", dir.resolve("t").toString(), "--schema", "id long", "--property", "novalue");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void createOnARegularFileSaysItIsAFile() {
    Path file = Cli.write(dir.resolve("f"), "not a table");
    Cli.Result r = Cli.run("create", file.toString(), "--schema", "id long");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: cannot create a table at " + file + ": it is a file, not a directory");
    Cli.Result under = Cli.run("create", file.resolve("t").toString(), "--schema", "id long");
    assertThat(under.errLines()).containsExactly("tidemark: cannot create a table at " + file.resolve("t") + ": "
        + file + " is a file, not a directory");
    Cli.Result uri = Cli.run("create", "file:" + file, "--schema", "id long");
    assertThat(uri.errLines()).containsExactly("tidemark: cannot create a table at file:" + file + ": it is a file, not a directory");
  }

  @Test
  void noSubcommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required subcommand").contains("Try 'tidemark --help'").doesNotContain("Usage:");
  }

  @Test
  void aMissingTableExitsOneWithOneLineAndNoStackTrace() {
    Path missing = dir.resolve("missing");
    for (String[] args : new String[][] {{"scan", missing.toString()}, {"history", missing.toString()},
        {"append", missing.toString(), "--csv", "x.csv"}}) {
      Cli.Result r = Cli.run(args);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.errLines()).containsExactly("tidemark: no table at " + missing);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void verboseShowsTheStackTraceAfterTheLine() {
    Path missing = dir.resolve("missing");
    Cli.Result r = Cli.run("--verbose", "scan", missing.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines().get(0)).isEqualTo("tidemark: no table at " + missing);
    assertThat(r.err()).contains("io.tidemark.spec.error.TableNotFoundException").contains("\tat ");

    Cli.Result after = Cli.run("history", missing.toString(), "--verbose");
    assertThat(after.errLines().size()).isGreaterThan(2);
    assertThat(after.err()).contains("\tat ");
  }

  @Test
  void anUnexpectedExceptionShowsItsClassAndMessage() {
    assertThat(ErrorHandler.message(new IllegalStateException("boom\nsecond line")))
        .isEqualTo("java.lang.IllegalStateException: boom second line");
    assertThat(ErrorHandler.message(new NoClassDefFoundError("org/x/Y")))
        .isEqualTo("java.lang.NoClassDefFoundError: org/x/Y");
  }
}

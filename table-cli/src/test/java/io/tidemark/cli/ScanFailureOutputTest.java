package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A scan that cannot read all its files never leaves output that looks complete. */
class ScanFailureOutputTest {
  @TempDir
  Path dir;

  /** The orders table (3 rows at version 1, 2 more at version 2) and the data files version 2 added. */
  private List<Path> secondAppendFiles(Path table) {
    Cli.ok("create", table.toString(), "--schema", Cli.ORDERS);
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("a.csv"),
        "id,name,ts,amount\n1,Ada,2024-01-02T10:00:00Z,12.5\n2,Grace,2024-01-02T11:00:00Z,7.25\n"
            + "3,Alan,2024-01-02T13:00:00Z,1\n").toString());
    List<Path> before = dataFiles(table);
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("b.csv"),
        "id,name,ts,amount\n4,Edsger,2024-01-03T09:30:00Z,3\n5,Barbara,2024-01-03T10:00:00Z,99.99\n").toString());
    List<Path> added = dataFiles(table).stream().filter(f -> !before.contains(f)).toList();
    assertThat(added).isNotEmpty();
    return added;
  }

  private static List<Path> dataFiles(Path table) {
    try (Stream<Path> files = Files.walk(table.resolve("data"))) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json", "table"})
  void aScanWhoseDataFileIsGoneFailsBeforePrintingAnything(String format) throws IOException {
    Path table = dir.resolve("t");
    Path gone = secondAppendFiles(table).get(0);
    Files.delete(gone);
    Cli.Result r = Cli.run("scan", table.toString(), "--format", format);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: data file ")
        .contains(table.relativize(gone).toString()).contains("of version 2 is gone")
        .endsWith("; nothing was printed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void aScanThatFailsPartWaySaysOnStderrThatTheOutputIsIncomplete(String format) throws IOException {
    Path table = dir.resolve("t");
    for (Path f : secondAppendFiles(table)) {
      Files.writeString(f, "this is no longer a Parquet file");
    }
    Cli.Result r = Cli.run("scan", table.toString(), "--format", format);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("Alan");
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("tidemark: the output is incomplete: the scan failed after 3 rows: ");
  }

  @Test
  void aScanWithALimitThatStopsBeforeTheMissingFileSucceeds() throws IOException {
    Path table = dir.resolve("t");
    for (Path f : secondAppendFiles(table)) {
      Files.delete(f);
    }
    Cli.Result r = Cli.run("scan", table.toString(), "--format", "csv", "--limit", "2");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().skip(1).toList()).hasSize(2);
  }
}

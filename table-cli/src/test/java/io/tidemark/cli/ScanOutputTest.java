package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanOutputTest {
  private static final int MANY_ROWS = 200_000;

  @TempDir
  Path dir;

  /** A table of {@code rows} rows (id, text) in one append. */
  private Path table(int rows) throws IOException {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", "id long not null, text string");
    StringBuilder csv = new StringBuilder("id,text\n");
    for (int i = 0; i < rows; i++) {
      csv.append(i).append(",row number ").append(i).append('\n');
    }
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("rows.csv"), csv.toString()).toString());
    return table;
  }

  @Test
  void aScanWhoseOutputIsClosedStopsAtTheFirstFailedWriteAndExits141Quietly() throws IOException {
    Path table = table(MANY_ROWS);
    AtomicInteger writes = new AtomicInteger();
    OutputStream closedPipe = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        writes.incrementAndGet();
        throw new IOException("Broken pipe");
      }
    };
    Cli.Result r = Cli.run(StdoutWriter.over(closedPipe), "scan", table.toString(), "--format", "csv");
    assertThat(r.exitCode()).isEqualTo(ErrorHandler.BROKEN_PIPE);
    assertThat(r.errLines()).isEmpty();
    // the first failed write stops the scan; at most the final flush tries once more
    assertThat(writes.get()).isBetween(1, 2);
  }

  @Test
  void anOutputThatFailsOtherwiseIsOneErrorLine() throws IOException {
    Path table = table(10);
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    Cli.Result r = Cli.run(StdoutWriter.over(full), "scan", table.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: cannot write the output: No space left on device");
  }

  @Test
  void aScanPipedIntoAReaderThatStopsAfterOneLineEndsWithoutReadingTheRest() throws Exception {
    Path table = table(MANY_ROWS);
    Path err = dir.resolve("err.txt");
    Process process = Cli.process("scan", table.toString(), "--format", "csv")
        .redirectError(err.toFile()).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("id,text");
    } // like head -1: the reader goes away
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the scan ended").isTrue();
    // 141 only comes from a write that failed and stopped the command; a scan that printed
    // everything into the closed pipe would end with 0
    assertThat(process.exitValue()).isEqualTo(ErrorHandler.BROKEN_PIPE);
    assertThat(Files.readString(err)).isEmpty();
  }

  @Test
  void csvLinesEndWithNewlineOnly() throws IOException {
    Path table = table(3);
    assertThat(Cli.ok("scan", table.toString(), "--format", "csv").out())
        .isEqualTo("id,text\n0,row number 0\n1,row number 1\n2,row number 2\n");
  }

  @Test
  void theTableFormatCutsWideValuesAndShowsNullApartFromTheStringNull() {
    Path table = dir.resolve("w");
    Cli.ok("create", table.toString(), "--schema", "id long not null, text string");
    String huge = "x".repeat(1 << 20);
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("w.csv"),
        "id,text\n1," + huge + "\n2,null\n3,\n4,short\n").toString());

    String out = Cli.ok("scan", table.toString()).out();
    assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(3 + 2 + 40));
    assertThat(out.lines().toList()).contains(
        " 1  " + "x".repeat(39) + "\u2026", " 2  null", " 3  NULL", " 4  short", "(4 rows)");

    String whole = Cli.ok("scan", table.toString(), "--max-width", "0", "--limit", "1").out();
    assertThat(whole).contains(huge).doesNotContain("\u2026");
    assertThat(Cli.ok("scan", table.toString(), "--max-width", "8", "--where", "id = 1").out().lines())
        .contains(" 1  xxxxxxx\u2026");
  }
}

package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.types.SchemaDdl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table output on a terminal fits its width; off a terminal it is never cut. */
class TerminalWidthTest {
  private static List<String> table(int lineWidth, Object[]... rows) {
    StringWriter text = new StringWriter();
    RowSink sink = OutputFormat.TABLE.open(SchemaDdl.parse("id long, name string, note string"),
        new PrintWriter(text), 0, lineWidth);
    for (Object[] row : rows) {
      sink.row(row);
    }
    sink.finish();
    return text.toString().lines().toList();
  }

  @Test
  void linesWiderThanTheTerminalEndInAnEllipsisAtItsWidth() {
    Object[] row = {1L, "Ada", "x".repeat(60)};
    List<String> lines = table(30, row, new Object[] {22L, "Grace", "short"});
    assertThat(lines).containsExactly(
        "id  name   note",
        "--  -----  " + "-".repeat(18) + "\u2026",
        " 1  Ada    " + "x".repeat(18) + "\u2026",
        "22  Grace  short",
        "(2 rows)");
    assertThat(lines).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(30));
  }

  @Test
  void withoutATerminalWidthNothingIsCut() {
    assertThat(table(0, new Object[] {1L, "Ada", "x".repeat(60)}).get(2)).endsWith("x".repeat(60));
  }

  @Test
  void theWidthComesFromColumnsThenSttyAndIsZeroOffATerminal() {
    assertThat(Terminal.width(false, "120", () -> 80)).isZero();
    assertThat(Terminal.width(true, "120", () -> 80)).isEqualTo(120);
    assertThat(Terminal.width(true, null, () -> 80)).isEqualTo(80);
    assertThat(Terminal.width(true, "wide", () -> 80)).isEqualTo(80);
    assertThat(Terminal.width(true, null, () -> 0)).isZero();
  }

  @Test
  void aScanIntoAPipeIsNotCutEvenWithColumnsSet(@TempDir Path dir) throws Exception {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", "id long, note string");
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("a.csv"), "id,note\n1," + "y".repeat(35) + "\n")
        .toString());
    ProcessBuilder pb = Cli.process("scan", table.toString());
    pb.environment().put("COLUMNS", "20");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out.lines().toList()).contains(" 1  " + "y".repeat(35));
  }
}

package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input formats and CSV dialects of {@code append}, and files of the wrong kind. */
class AppendInputsTest {
  @TempDir
  Path dir;

  private Path table;

  @BeforeEach
  void makeTable() {
    table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", "id long not null, name string, day date");
  }

  private Cli.Result append(Path file, String... options) {
    String[] args = Stream.concat(Stream.of("append", table.toString(), "--csv", file.toString()), Stream.of(options))
        .toArray(String[]::new);
    return Cli.run(args);
  }

  private String rows() {
    return Cli.ok("scan", table.toString(), "--format", "csv").out();
  }

  private void assertRefused(Cli.Result r, Path file, String why) {
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: cannot append " + file + ": " + why + "; nothing was committed");
    assertThat(rows()).isEqualTo("id,name,day\n");
  }

  @Test
  void semicolonAndTabSeparatedFilesReadWithDelimiter() {
    Path semi = Cli.write(dir.resolve("semi.csv"), "id;name;day\n1;\"a;b\";2024-01-02\n");
    Cli.ok("append", table.toString(), "--csv", semi.toString(), "--delimiter", ";");
    Path tab = Cli.write(dir.resolve("tab.tsv"), "id\tname\tday\n2\tc d\t2024-01-03\n");
    Cli.ok("append", table.toString(), "--csv", tab.toString(), "--delimiter", "\\t");
    assertThat(rows()).isEqualTo("id,name,day\n1,a;b,2024-01-02\n2,c d,2024-01-03\n");
  }

  @Test
  void aSemicolonFileWithoutDelimiterSaysWhichFlagReadsIt() {
    Path semi = Cli.write(dir.resolve("semi.csv"), "id;name;day\n1;a;2024-01-02\n");
    assertRefused(append(semi), semi, "the header 'id;name;day' is one field, but the table has 3 columns;"
        + " if the file's fields are separated by ';', add --delimiter ';'");
    Path tab = Cli.write(dir.resolve("tab.csv"), "id\tname\n1\ta\n");
    assertRefused(append(tab), tab, "the header 'id\tname' is one field, but the table has 3 columns;"
        + " if the file's fields are separated by tabs, add --delimiter '\\t'");
  }

  @Test
  void quoteNullStringAndNoHeaderOptionsApply() {
    Path file = Cli.write(dir.resolve("q.csv"), "1|'x|y'|NA\n2|NA|2024-01-02\n3||2024-01-03\n");
    Cli.ok("append", table.toString(), "--csv", file.toString(), "--delimiter", "|", "--quote", "'",
        "--null-string", "NA", "--no-header");
    assertThat(Cli.ok("scan", table.toString(), "--format", "json").out().lines().toList()).containsExactly(
        "{\"id\":1,\"name\":\"x|y\",\"day\":null}",
        "{\"id\":2,\"name\":null,\"day\":\"2024-01-02\"}",
        "{\"id\":3,\"name\":\"\",\"day\":\"2024-01-03\"}");
  }

  @Test
  void headerNamesMatchIgnoringCaseAndBlanks() {
    Path file = Cli.write(dir.resolve("h.csv"), " ID ,Name,DAY\n1,a,2024-01-02\n");
    Cli.ok("append", table.toString(), "--csv", file.toString());
    assertThat(rows()).isEqualTo("id,name,day\n1,a,2024-01-02\n");
  }

  @Test
  void aGzipFileIsReadAsItsText() throws IOException {
    Path gz = dir.resolve("rows.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("id,name,day\n7,zipped,2024-01-02\n".getBytes(StandardCharsets.UTF_8));
    }
    Cli.ok("append", table.toString(), "--csv", gz.toString());
    assertThat(rows()).isEqualTo("id,name,day\n7,zipped,2024-01-02\n");
  }

  @Test
  void aLatin1FileIsRefusedAsNotUtf8() throws IOException {
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "id,name,day\n1,Jos\u00e9,2024-01-02\n".getBytes(StandardCharsets.ISO_8859_1));
    assertRefused(append(latin1), latin1, "it is not UTF-8 text (Latin-1 or another encoding?);"
        + " convert it first, e.g. iconv -f latin1 -t utf-8");
  }

  @Test
  void aParquetFileIsRefusedNamingWhatItIs() throws IOException {
    Path source = dir.resolve("src");
    Cli.ok("create", source.toString(), "--schema", "id long");
    Cli.ok("append", source.toString(), "--csv", Cli.write(dir.resolve("one.csv"), "id\n1\n").toString());
    Path parquet;
    try (Stream<Path> files = Files.walk(source.resolve("data"))) {
      parquet = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    assertRefused(append(parquet), parquet, "it is a Parquet file, not CSV text; append it with --parquet");
  }

  @Test
  void aJsonFileIsRefusedNamingTheFlagThatReadsIt() {
    Path json = Cli.write(dir.resolve("rows.csv"), "  {\"id\": 1, \"name\": \"a\"}\n");
    assertRefused(append(json), json, "it holds JSON, not CSV; append newline-delimited JSON with --json");
  }

  @Test
  void aDirectoryIsRefused() {
    assertRefused(append(dir), dir, "it is a directory; give a file");
  }

  @Test
  void dashReadsStandardInput() throws Exception {
    Process p = Cli.process("append", table.toString(), "--csv", "-").redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write("id,name,day\n5,piped,2024-01-05\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(rows()).isEqualTo("id,name,day\n5,piped,2024-01-05\n");
  }

  @Test
  void newlineDelimitedJsonAppendsWithKeysMatchedLikeHeaderNames() throws IOException {
    Path json = dir.resolve("rows.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(json))) {
      out.write(("{\"id\": 1, \"name\": \"a\", \"day\": \"2024-01-02\"}\n\n"
          + "{\"DAY\": null, \"id\": 2}\n{\"id\": \"3\", \"name\": \"\"}\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Cli.ok("append", table.toString(), "--json", json.toString()).out())
        .isEqualTo("appended 3 rows in 1 file as version 1\n");
    assertThat(Cli.ok("scan", table.toString(), "--format", "json").out().lines().toList()).containsExactly(
        "{\"id\":1,\"name\":\"a\",\"day\":\"2024-01-02\"}",
        "{\"id\":2,\"name\":null,\"day\":null}",
        "{\"id\":3,\"name\":\"\",\"day\":null}");
  }

  @Test
  void badJsonLinesFailWithOneLineNamingObjectLineAndKey() {
    Path json = Cli.write(dir.resolve("bad.ndjson"), "{\"id\": 1}\n{\"id\": 2.5}\n");
    assertRefused(Cli.run("append", table.toString(), "--json", json.toString()), json,
        "object 2 (line 2), column 'id' (long): '2.5' is not a long (64-bit whole number)");
    Path unknown = Cli.write(dir.resolve("unknown.ndjson"), "{\"id\": 1, \"colour\": \"red\"}\n");
    assertRefused(Cli.run("append", table.toString(), "--json", unknown.toString()), unknown,
        "object 1 (line 1) has key 'colour', which the table does not have (its columns are id, name, day)");
    Path nested = Cli.write(dir.resolve("nested.ndjson"), "{\"id\": 1, \"name\": {\"first\": \"a\"}}\n");
    assertRefused(Cli.run("append", table.toString(), "--json", nested.toString()), nested,
        "object 1 (line 1), key 'name' is an object; nested values cannot be appended from the command line");
    Path csv = Cli.write(dir.resolve("rows.csv"), "id,name\n1,a\n");
    assertRefused(Cli.run("append", table.toString(), "--json", csv.toString()), csv,
        "it is not newline-delimited JSON (one object per line); append CSV with --csv");
    Path broken = Cli.write(dir.resolve("broken.ndjson"), "{\"id\": 1\n");
    assertThat(Cli.run("append", table.toString(), "--json", broken.toString()).errLines()).singleElement().asString()
        .startsWith("tidemark: cannot append " + broken + ": object 1 (line 1) is not valid JSON: ")
        .endsWith("; nothing was committed");
    assertThat(rows()).isEqualTo("id,name,day\n");
  }

  @Test
  void csvDialectOptionsWithJsonAreAUsageError() {
    Path json = Cli.write(dir.resolve("rows.ndjson"), "{\"id\": 1}\n");
    Cli.Result r = Cli.run("append", table.toString(), "--json", json.toString(), "--delimiter", ";");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines().get(0)).contains("apply to --csv only");
    assertThat(Cli.run("append", table.toString(), "--json", json.toString(), "--csv", json.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void progressShowsRowsReadAndTheRateThenTheCommit() {
    StringWriter err = new StringWriter();
    RowProgress progress = RowProgress.shown(new PrintWriter(err), 0);
    for (long row = 1; row <= 10_000; row++) {
      progress.rows(row);
    }
    progress.done(10_000);
    String shown = err.toString();
    assertThat(shown).startsWith("\r4,096 rows read, ").contains("\r8,192 rows read, ")
        .contains("\r10,000 rows read, ").endsWith(" rows/s, committing" + System.lineSeparator());
    assertThat(shown.split("\r")).hasSize(4);
  }

  @Test
  void noProgressIsShownWhenOutputIsNotATerminal() {
    ByteArrayOutputStream unused = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(unused, false, StandardCharsets.UTF_8);
    assertThat(RowProgress.forTerminal(out)).isSameAs(RowProgress.NONE);
  }
}

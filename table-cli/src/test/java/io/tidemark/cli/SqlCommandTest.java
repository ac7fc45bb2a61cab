package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.core.TableProperties;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidemark sql}: DuckDB over exactly the rows Tidemark's own scan reads. */
class SqlCommandTest {
  @TempDir
  Path dir;

  private static String csvScan(Path table, String... more) {
    List<String> args = new ArrayList<>(List.of("scan", table.toString(), "--format", "csv"));
    args.addAll(List.of(more));
    return Cli.ok(args.toArray(String[]::new)).out();
  }

  private static String csvSql(String query, String... tables) {
    List<String> args = new ArrayList<>(List.of("sql", query, "--format", "csv"));
    for (String t : tables) {
      args.add("--table");
      args.add(t);
    }
    return Cli.ok(args.toArray(String[]::new)).out();
  }

  /** The header, then the rows sorted: scan returns file order, a query its own. */
  private static List<String> sorted(String csv) {
    List<String> lines = csv.lines().toList();
    List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
    rows.sort(null);
    rows.add(0, lines.get(0));
    return rows;
  }

  @Test
  void selectStarEqualsTheScanOfTheLatestVersion() {
    Path table = Cli.ordersTable(dir);
    assertThat(sorted(csvSql("SELECT * FROM orders", "orders=" + table)))
        .isEqualTo(sorted(csvScan(table)))
        .hasSize(6);
  }

  @Test
  void aggregatesAndJoinsOverTwoTables() {
    Path orders = Cli.ordersTable(dir);
    Path names = dir.resolve("names");
    Cli.ok("create", names.toString(), "--schema", "name string, team string");
    Cli.ok("append", names.toString(), "--csv",
        Cli.write(dir.resolve("n.csv"), "name,team\nAda,x\nGrace,x\nAlan,y\n").toString());
    assertThat(csvSql("SELECT team, count(*) AS n, sum(amount) AS total FROM o JOIN n USING (name)"
        + " GROUP BY team ORDER BY team", "o=" + orders, "n=" + names))
        .isEqualTo("team,n,total\nx,2,19.75\ny,1,\n");
    assertThat(csvSql("SELECT count(*) AS rows, max(id) AS top FROM o", "o=" + orders)).isEqualTo("rows,top\n5,5\n");
  }

  @Test
  void timeTravelThroughAVersionOrATimestampAfterTheAt() throws Exception {
    Path table = Cli.ordersTable(dir);
    assertThat(sorted(csvSql("SELECT * FROM t", "t=" + table + "@1"))).isEqualTo(sorted(csvScan(table, "--version", "1")))
        .hasSize(4);
    JsonNode history = new ObjectMapper().readTree(Cli.ok("history", table.toString(), "--json").out());
    Instant v1 = Instant.parse(history.get(1).get("timestamp").asText());
    assertThat(csvSql("SELECT count(*) AS n FROM t", "t=" + table + "@" + v1)).isEqualTo("n\n3\n");
    assertThat(csvSql("SELECT count(*) AS n FROM t", "t=" + table + "@0")).isEqualTo("n\n0\n");
  }

  @Test
  void filesWrittenBeforeARenameDropAddAndWideningReadByFieldId() {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", "id long not null, name string, n int, gone string");
    Cli.ok("append", table.toString(), "--csv",
        Cli.write(dir.resolve("a.csv"), "id,name,n,gone\n1,a,10,x\n2,b,20,y\n").toString());
    Cli.ok("alter", table.toString(), "rename-column", "name", "label");
    Cli.ok("alter", table.toString(), "drop-column", "gone");
    Cli.ok("alter", table.toString(), "add-column", "gone", "string");
    Cli.ok("alter", table.toString(), "widen-column", "n", "long");
    Cli.ok("append", table.toString(), "--csv",
        Cli.write(dir.resolve("b.csv"), "id,label,n,gone\n3,c,3000000000,new\n").toString());
    assertThat(csvSql("SELECT * FROM t ORDER BY id", "t=" + table))
        .isEqualTo("id,label,n,gone\n1,a,10,\n2,b,20,\n3,c,3000000000,new\n")
        .isEqualTo(csvScan(table));
  }

  @Test
  void deletedRowsAndRemovedFilesAreNotSeen() {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", "id long not null, g string",
        "--property", TableProperties.DELETE_MODE + "=" + TableProperties.DELETE_MODE_MERGE_ON_READ);
    Cli.ok("append", table.toString(), "--csv",
        Cli.write(dir.resolve("a.csv"), "id,g\n1,a\n2,a\n3,a\n4,b\n").toString());
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("b.csv"), "id,g\n5,c\n6,c\n").toString());
    Cli.ok("delete", table.toString(), "--where", "id = 2 or id = 4");
    Cli.ok("delete", table.toString(), "--where", "g = 'c'"); // the whole second file goes
    assertThat(Cli.dataFiles(table)).isGreaterThanOrEqualTo(2); // still on disk until vacuum
    assertThat(csvSql("SELECT id FROM t ORDER BY id", "t=" + table)).isEqualTo("id\n1\n3\n");
    assertThat(sorted(csvSql("SELECT * FROM t", "t=" + table))).isEqualTo(sorted(csvScan(table)));
    assertThat(csvSql("SELECT id FROM t ORDER BY id", "t=" + table + "@2")).isEqualTo("id\n1\n2\n3\n4\n5\n6\n");
  }

  @Test
  void tableJsonAndLimitOutputAsScanPrintsThem() {
    Path table = Cli.ordersTable(dir);
    String query = "SELECT id, name, ts, amount FROM t ORDER BY id";
    assertThat(Cli.ok("sql", query, "--table", "t=" + table, "--format", "json", "--limit", "2").out())
        .isEqualTo(Cli.ok("scan", table.toString(), "--format", "json", "--limit", "2").out());
    assertThat(Cli.ok("sql", query, "--table", "t=" + table).out())
        .isEqualTo(Cli.ok("scan", table.toString()).out());
  }

  @Test
  void aQueryErrorIsOneTypedLine() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("sql", "SELEC id FROM t", "--table", "t=" + table);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("tidemark: SQL: Parser Error: syntax error at or near \"SELEC\"");
    r = Cli.run("sql", "SELECT nope FROM t", "--table", "t=" + table);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("tidemark: SQL: Binder Error: Referenced column \"nope\" not found");
  }

  @Test
  void theQueryCannotReadOtherFilesNorChangeThat() {
    Path table = Cli.ordersTable(dir);
    Path other = Cli.write(dir.resolve("other.csv"), "a\n1\n");
    Cli.Result r = Cli.run("sql", "SELECT * FROM read_csv('" + other + "')", "--table", "t=" + table);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: SQL: Permission Error");
    r = Cli.run("sql", "SET enable_external_access = true", "--table", "t=" + table);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().contains("configuration has been locked");
  }

  @Test
  void aDataFileThatIsALinkOutOfTheTableIsRefusedInOneLineAndNothingOfItIsRead() throws Exception {
    Path table = Cli.ordersTable(dir);
    Path file;
    try (var files = Files.walk(table.resolve("data"))) {
      file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Path outside = Files.copy(file, dir.resolve("outside.parquet"));
    Files.delete(file);
    Files.createSymbolicLink(file, outside);
    Cli.Result r = Cli.run("sql", "SELECT count(*) AS n FROM t", "--table", "t=" + table);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: ").contains("outside");
  }

  @Test
  void badTableOptionsAreUsageErrors() {
    Path table = Cli.ordersTable(dir);
    assertThat(Cli.run("sql", "SELECT 1", "--table", table.toString()).exitCode()).isEqualTo(2);
    assertThat(Cli.run("sql", "SELECT 1", "--table", "1t=" + table).exitCode()).isEqualTo(2);
    assertThat(Cli.run("sql", "SELECT 1", "--table", "t=" + table + "@yesterday").exitCode()).isEqualTo(2);
    assertThat(Cli.run("sql", "SELECT 1", "--table", "t=" + table, "--table", "T=" + table).exitCode()).isEqualTo(2);
    Cli.Result r = Cli.run("sql", "SELECT 1", "--table", "t=" + table + "@9");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void aQueryPipedIntoAReaderThatStopsAfterOneLineEndsAtOnce() throws Exception {
    Path err = dir.resolve("err.txt");
    // a billion rows: printing them all into the closed pipe would not end within the wait
    Process process = Cli.process("sql", "SELECT i FROM range(1000000000) t(i)", "--format", "csv")
        .redirectError(err.toFile()).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("i");
    } // like head -1: the reader goes away
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the query ended").isTrue();
    assertThat(process.exitValue()).isEqualTo(ErrorHandler.BROKEN_PIPE);
    assertThat(Files.readString(err)).isEmpty();
  }

  @Test
  void otherCommandsDoNotLoadDuckDb() throws Exception {
    Path table = Cli.ordersTable(dir);
    assertThat(loadsDuckDb("scan", table.toString(), "--limit", "1")).isFalse();
    assertThat(loadsDuckDb("schema", table.toString())).isFalse();
    assertThat(loadsDuckDb("append", table.toString(), "--csv", Cli.write(dir.resolve("c.csv"), "id\n9\n").toString()))
        .isFalse();
    assertThat(loadsDuckDb("create", dir.resolve("new").toString(), "--like", dir.resolve("c.csv").toString()))
        .isFalse();
    assertThat(loadsDuckDb("sql", "SELECT 1", "--table", "t=" + table)).isTrue();
  }

  private static boolean loadsDuckDb(String... args) throws Exception {
    ProcessBuilder pb = Cli.process(args);
    pb.command().add(1, "-verbose:class");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    boolean loaded = false;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        loaded |= line.contains("org.duckdb.");
      }
    }
    assertThat(p.waitFor()).isZero();
    return loaded;
  }
}

package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files outside tables: {@code scan|sql --format parquet}, {@code append --parquet}, {@code create --like}. */
class ParquetFilesTest {
  @TempDir
  Path dir;

  private static String csv(Path table) {
    return Cli.ok("scan", table.toString(), "--format", "csv").out();
  }

  @Test
  void aScanExportedAsParquetCreatesAndFillsAnEqualTable() {
    Path orders = Cli.ordersTable(dir);
    Path file = dir.resolve("orders.parquet");
    assertThat(Cli.ok("scan", orders.toString(), "--format", "parquet", "--output", file.toString()).out())
        .isEqualTo("wrote 5 rows of version 2 to " + file + "\n");
    assertThat(file).isRegularFile();
    assertThat(dir.resolve(".orders.parquet.partial")).doesNotExist();
    Path copy = dir.resolve("copy");
    assertThat(Cli.ok("create", copy.toString(), "--like", file.toString()).out())
        .startsWith("schema from " + file + ": id long, name string, ts timestamp, amount double\n");
    assertThat(Cli.ok("append", copy.toString(), "--parquet", file.toString()).out())
        .isEqualTo("appended 5 rows in 1 file as version 1\n");
    assertThat(csv(copy)).isEqualTo(csv(orders));
  }

  @Test
  void theExportTakesTheScansVersionFilterColumnsAndLimit() {
    Path orders = Cli.ordersTable(dir);
    Path file = dir.resolve("part.parquet");
    Cli.ok("scan", orders.toString(), "--version", "1", "--where", "id >= 2", "--columns", "amount,id",
        "--format", "parquet", "--output", file.toString());
    Path t = dir.resolve("t");
    Cli.ok("create", t.toString(), "--schema", "id long, amount double");
    Cli.ok("append", t.toString(), "--parquet", file.toString()); // matched by name, not position
    assertThat(csv(t)).isEqualTo("id,amount\n2,7.25\n3,\n");
    Cli.ok("scan", orders.toString(), "--limit", "1", "--format", "parquet", "--output", file.toString());
    assertThat(Cli.ok("sql", "SELECT count(*) AS n FROM t", "--table", "t=" + t).out()).contains("2");
    Path one = dir.resolve("one");
    Cli.ok("create", one.toString(), "--like", file.toString());
    assertThat(Cli.ok("append", one.toString(), "--parquet", file.toString()).out()).startsWith("appended 1 row ");
  }

  @Test
  void aQueryIsExportedAsParquet() {
    Path orders = Cli.ordersTable(dir);
    Path file = dir.resolve("q.parquet");
    assertThat(Cli.ok("sql", "SELECT id, amount * 2 AS twice FROM o WHERE amount > 5 ORDER BY id;", "--table",
        "o=" + orders, "--format", "parquet", "--output", file.toString()).out())
        .isEqualTo("wrote 3 rows to " + file + "\n");
    Path t = dir.resolve("t");
    Cli.ok("create", t.toString(), "--like", file.toString());
    Cli.ok("append", t.toString(), "--parquet", file.toString());
    assertThat(csv(t)).isEqualTo("id,twice\n1,25.0\n2,14.5\n5,199.98\n");
  }

  @Test
  void parquetOutputNeedsAFileAndAFileNeedsParquet() {
    Path orders = Cli.ordersTable(dir);
    assertThat(Cli.run("scan", orders.toString(), "--format", "parquet").exitCode()).isEqualTo(2);
    assertThat(Cli.run("scan", orders.toString(), "--output", dir.resolve("x").toString()).exitCode()).isEqualTo(2);
    assertThat(Cli.run("sql", "SELECT 1", "--format", "parquet").exitCode()).isEqualTo(2);
  }

  @Test
  void wrongInputsGetOneLine() {
    Path orders = Cli.ordersTable(dir);
    Path csv = Cli.write(dir.resolve("rows.csv"), "id,name\n1,a\n");
    Cli.Result r = Cli.run("append", orders.toString(), "--parquet", csv.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: cannot append " + csv
        + ": it is not a Parquet file; tidemark append reads CSV with --csv, newline-delimited JSON with --json;"
        + " nothing was committed");
    Path file = dir.resolve("wide.parquet");
    Cli.ok("sql", "SELECT 1 AS id, 'x' AS extra", "--format", "parquet", "--output", file.toString());
    r = Cli.run("append", orders.toString(), "--parquet", file.toString());
    assertThat(r.errLines()).singleElement().asString()
        .contains("the file has column 'extra', which the table does not have");
    assertThat(Cli.ok("scan", orders.toString(), "--format", "csv").out().lines()).hasSize(6);
    r = Cli.run("append", orders.toString(), "--parquet", dir.resolve("missing.parquet").toString());
    assertThat(r.errLines()).containsExactly("tidemark: Parquet file not found: " + dir.resolve("missing.parquet"));
  }

  @Test
  void nestedColumnsAreNotExportedYet() throws Exception {
    Path t = dir.resolve("t");
    Cli.ok("create", t.toString(), "--schema", "id long, tags list<string>");
    Cli.Result r = Cli.run("scan", t.toString(), "--format", "parquet", "--output", dir.resolve("n.parquet").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().contains("cannot write nested column tags");
    assertThat(Files.exists(dir.resolve("n.parquet"))).isFalse();
  }
}

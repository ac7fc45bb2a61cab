package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendErrorsTest {
  @TempDir
  Path dir;

  private Path table;
  private String historyBefore;
  private long filesBefore;

  @BeforeEach
  void makeTable() {
    table = Cli.ordersTable(dir);
    historyBefore = Cli.ok("history", table.toString()).out();
    filesBefore = Cli.dataFiles(table);
    assertThat(filesBefore).isEqualTo(2);
  }

  private Cli.Result append(String csv) {
    return Cli.run("append", table.toString(), "--csv", Cli.write(dir.resolve("in.csv"), csv).toString());
  }

  private void assertNothingChanged() {
    assertThat(Cli.ok("history", table.toString()).out()).isEqualTo(historyBefore);
    assertThat(Cli.dataFiles(table)).isEqualTo(filesBefore);
    assertThat(Cli.ok("scan", table.toString()).out()).endsWith("(5 rows)\n");
  }

  @Test
  void aBadValueFailsWithOneLineNamingRowLineColumnAndValueAndCommitsNothing() {
    Cli.Result r = append("id,name,ts,amount\n10,a,2024-01-01T00:00:00Z,1.0\n11,b,2024-01-01T00:00:00Z,12,5x\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("tidemark: cannot append ")
        .contains("data row 2 (line 3) has 5 fields but the header has 4");

    r = append("id,name,ts,amount\n10,a,2024-01-01T00:00:00Z,1.0\n11,b,2024-01-01T00:00:00Z,1.0\n"
        + "12,c,2024-01-01T00:00:00Z,abc\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: cannot append " + dir.resolve("in.csv")
        + ": data row 3 (line 4), column 'amount' (double): 'abc' is not a double; nothing was committed");
    assertThat(r.out()).isEmpty();
    assertNothingChanged();
  }

  @Test
  void aBadValueAfterManyGoodRowsStillCommitsNothingAndLeavesNoFiles() {
    StringBuilder csv = new StringBuilder("id,name,ts,amount\n");
    for (int i = 0; i < 5000; i++) {
      csv.append(100 + i).append(",n").append(i).append(",2024-01-01 00:00:00,").append(i).append('\n');
    }
    csv.append("x,bad,2024-01-01 00:00:00,1\n");
    Cli.Result r = append(csv.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .contains("data row 5001 (line 5002), column 'id' (long): 'x' is not a long");
    assertNothingChanged();
  }

  @Test
  void lineNumbersCountQuotedLineBreaksAndBlankLines() {
    Cli.Result r = append("id,name,ts,amount\r\n1,\"two\r\nline name\",,1\r\n\r\n2,x,2024-13-01 00:00:00,2\r\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .contains("data row 2 (line 5), column 'ts' (timestamp): '2024-13-01 00:00:00' is not a timestamp");
    assertNothingChanged();
  }

  @Test
  void anUnknownHeaderColumnFailsNamingIt() {
    Cli.Result r = append("id,name,colour,size\n1,a,red,3\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .contains("the CSV header names columns the table does not have: colour, size")
        .contains("(the table's columns are id, name, ts, amount)");
    assertNothingChanged();
  }

  @Test
  void aMissingRequiredColumnFailsNamingIt() {
    Cli.Result r = append("name,amount\na,1\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .contains("required column 'id' (long not null) is missing from the CSV header");
    assertNothingChanged();
  }

  @Test
  void anEmptyRequiredValueFailsNamingRowAndColumn() {
    Cli.Result r = append("id,name\n1,a\n,b\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .contains("data row 2 (line 3), column 'id' is empty, but the column is required (long not null)");
    assertNothingChanged();
  }

  @Test
  void optionalColumnsMissingFromTheHeaderAreNull() {
    Cli.Result r = append("id\n42\n");
    assertThat(r.out()).isEqualTo("appended 1 row in 1 file as version 3\n");
    assertThat(Cli.ok("scan", table.toString(), "--version", "3", "--format", "csv").out())
        .endsWith("42,,,\n");
  }

  @Test
  void aDecimalThatDoesNotFitFails() {
    Path t = dir.resolve("dec");
    Cli.ok("create", t.toString(), "--schema", "price decimal(5,2)");
    Path csv = Cli.write(dir.resolve("d.csv"), "price\n1.5\n1234.5\n");
    Cli.Result r = Cli.run("append", t.toString(), "--csv", csv.toString());
    assertThat(r.errLines()).singleElement().asString()
        .contains("data row 2 (line 3), column 'price' (decimal(5,2)): '1234.5' has too many digits for decimal(5,2)");
    csv = Cli.write(dir.resolve("d.csv"), "price\n1.555\n");
    r = Cli.run("append", t.toString(), "--csv", csv.toString());
    assertThat(r.errLines()).singleElement().asString().contains("'1.555' has more than 2 digits after the point");
    assertThat(Cli.dataFiles(t)).isZero();
  }

  @Test
  void aNestedColumnInTheHeaderFails() {
    Path t = dir.resolve("nested");
    Cli.ok("create", t.toString(), "--schema", "id long, tags list<string>");
    Cli.Result r = Cli.run("append", t.toString(), "--csv", Cli.write(dir.resolve("n.csv"), "id,tags\n1,a\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .contains("column 'tags' is list<string>; nested types cannot be read from CSV");
  }

  @Test
  void aMissingCsvFileFailsWithOneLine() {
    Cli.Result r = Cli.run("append", table.toString(), "--csv", dir.resolve("nope.csv").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: CSV file not found: " + dir.resolve("nope.csv"));
  }

  @Test
  void aHeaderOnlyFileCommitsNothing() {
    Cli.Result r = append("id,name\n");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("no data rows").contains("nothing was committed");
    assertNothingChanged();
  }

  @Test
  void aDuplicateHeaderNameFails() {
    Cli.Result r = append("id,name,ID \n1,2,3\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: cannot append " + dir.resolve("in.csv")
        + ": the header names column 'id' twice (fields 1 and 3); nothing was committed");
  }

  @Test
  void anUnterminatedQuoteFailsWithOneLine() {
    Cli.Result r = append("id,name\n1,\"open\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().contains("cannot read it as CSV");
    assertNothingChanged();
  }
}

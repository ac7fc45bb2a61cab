package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanOptionsTest {
  @TempDir
  Path dir;

  @Test
  void columnsSelectsAndOrdersColumns() {
    Path table = Cli.ordersTable(dir);
    String csv = Cli.ok("scan", table.toString(), "--columns", "amount,id", "--format", "csv").out();
    assertThat(csv.split("\n")).containsExactly("amount,id", "12.5,1", "7.25,2", ",3", "3.0,4", "99.99,5");
  }

  @Test
  void limitStopsAfterNRows() {
    Path table = Cli.ordersTable(dir);
    assertThat(Cli.ok("scan", table.toString(), "--limit", "2", "--format", "json").out().lines()).hasSize(2);
    assertThat(Cli.ok("scan", table.toString(), "--limit", "4", "--columns", "name").out())
        .isEqualTo("name\n------\nAda\nGrace\nAlan\nEdsger\n(4 rows)\n");
    assertThat(Cli.ok("scan", table.toString(), "--limit", "0", "--format", "csv").out()).isEqualTo("id,name,ts,amount\n");
  }

  @Test
  void anUnknownColumnFailsWithOneLineNamingIt() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("scan", table.toString(), "--columns", "id,price");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: ").contains("'price'");
  }

  @Test
  void aNegativeLimitIsAUsageError() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("scan", table.toString(), "--limit", "-1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--limit must not be negative");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("scan", table.toString(), "--format", "xml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--format").contains("Try 'tidemark scan --help'").doesNotContain("Usage:");
  }
}

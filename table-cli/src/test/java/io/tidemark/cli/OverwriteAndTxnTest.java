package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverwriteAndTxnTest {
  @TempDir
  Path dir;

  private static String ids(Path table) {
    return String.join(",", Cli.ok("scan", table.toString(), "--columns", "id", "--format", "csv").out()
        .lines().skip(1).sorted().toList());
  }

  @Test
  void overwriteWhereReplacesTheMatchingRowsWithTheFilesRows() {
    Path table = Cli.ordersTable(dir); // ids 1-3 on 2024-01-02, 4-5 on 2024-01-03
    Path day3 = Cli.write(dir.resolve("day3.csv"), "id,name,ts,amount\n40,Ken,2024-01-03T08:00:00Z,1\n");
    Cli.Result r = Cli.ok("overwrite", table.toString(), "--csv", day3.toString(), "--where", "ts >= '2024-01-03'");
    assertThat(r.out()).startsWith("overwrote " + table + " in version 3: 1 rows read, 2 rows removed,");
    assertThat(ids(table)).isEqualTo("1,2,3,40");
  }

  @Test
  void overwriteDynamicPartitionsReplacesThePartitionsTheRowsFallIn() {
    Path table = dir.resolve("p");
    Cli.ok("create", table.toString(), "--schema", "id long not null, day date", "--partition-by", "day");
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("a.csv"),
        "id,day\n1,2024-01-01\n2,2024-01-02\n3,2024-01-02\n").toString());
    Cli.ok("overwrite", table.toString(), "--json", Cli.write(dir.resolve("b.ndjson"),
        "{\"id\": 20, \"day\": \"2024-01-02\"}\n").toString(), "--dynamic-partitions");
    assertThat(ids(table)).isEqualTo("1,20");
  }

  @Test
  void aBadRowInAnOverwriteCommitsNothingAndSaysOverwrite() {
    Path table = Cli.ordersTable(dir);
    Path bad = Cli.write(dir.resolve("bad.csv"), "id,name,ts,amount\nx,Ken,2024-01-03T08:00:00Z,1\n");
    Cli.Result r = Cli.run("overwrite", table.toString(), "--csv", bad.toString(), "--where", "id > 3");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("tidemark: cannot overwrite with " + bad + ": data row 1 (line 2), column 'id'")
        .endsWith("; nothing was committed");
    assertThat(ids(table)).isEqualTo("1,2,3,4,5");
    assertThat(Cli.run("overwrite", table.toString(), "--csv", bad.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void appendWithTxnAppliesEachBatchOnce() {
    Path table = Cli.ordersTable(dir);
    Path batch = Cli.write(dir.resolve("batch.csv"), "id,name,ts,amount\n10,Ken,,1\n");
    assertThat(Cli.ok("append", table.toString(), "--csv", batch.toString(), "--txn", "nightly:7").out())
        .isEqualTo("appended 1 row in 1 file as version 3\n");
    Cli.Result again = Cli.run("append", table.toString(), "--csv", batch.toString(), "--txn", "nightly:7");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.errLines()).singleElement().asString().startsWith("tidemark: ").contains("nightly");
    assertThat(ids(table)).isEqualTo("1,10,2,3,4,5");
    Cli.ok("append", table.toString(), "--csv", batch.toString(), "--txn", "nightly:8");
    assertThat(ids(table)).isEqualTo("1,10,10,2,3,4,5");
    Cli.Result bad = Cli.run("append", table.toString(), "--csv", batch.toString(), "--txn", "nightly");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.errLines().get(0)).contains("--txn must be APP:VERSION");
  }
}

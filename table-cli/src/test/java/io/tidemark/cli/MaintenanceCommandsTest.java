package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String ids(Path table) {
    String csv = Cli.ok("scan", table.toString(), "--format", "csv").out();
    return String.join(",", csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).sorted().toList());
  }

  @Test
  void deleteRemovesTheMatchingRowsAndSaysHowInOneLine() throws Exception {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.ok("delete", table.toString(), "--where", "id >= 4");
    assertThat(r.out().lines()).singleElement().asString()
        .startsWith("deleted 2 rows from " + table + " in version 3: 1 file removed (1 without reading), 0 written");
    assertThat(ids(table)).isEqualTo("1,2,3");
    JsonNode json = JSON.readTree(Cli.ok("delete", table.toString(), "--where", "id = 2", "--json").out());
    assertThat(json.get("version").asLong()).isEqualTo(4);
    assertThat(json.get("numDeletedRows").asLong()).isEqualTo(1);
    assertThat(json.get("numAddedFiles").asLong()).isEqualTo(1);
    assertThat(ids(table)).isEqualTo("1,3");
    assertThat(Cli.ok("delete", table.toString(), "--where", "id = 99").out()).contains("nothing deleted");
    assertThat(Cli.ok("history", table.toString()).out()).contains("DELETE");
  }

  @Test
  void deleteNeedsWhereAndABadFilterIsOneErrorLine() {
    Path table = Cli.ordersTable(dir);
    assertThat(Cli.run("delete", table.toString()).exitCode()).isEqualTo(2);
    Cli.Result bad = Cli.run("delete", table.toString(), "--where", "nope = 1");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.errLines()).singleElement().asString().contains("nope");
  }

  @Test
  void restoreToAVersionOrAnInstant() throws Exception {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.ok("restore", table.toString(), "--version", "1");
    assertThat(r.out().strip()).isEqualTo("restored " + table + " to version 1 as version 3: 0 files added back,"
        + " 1 removed");
    assertThat(ids(table)).isEqualTo("1,2,3");
    JsonNode history = JSON.readTree(Cli.ok("history", table.toString(), "--json").out());
    String v2 = history.get(2).get("timestamp").asText();
    JsonNode json = JSON.readTree(Cli.ok("restore", table.toString(), "--as-of", v2, "--json").out());
    assertThat(json.get("restoredVersion").asLong()).isEqualTo(2);
    assertThat(json.get("numRestoredFiles").asLong()).isEqualTo(1);
    assertThat(ids(table)).isEqualTo("1,2,3,4,5");
    assertThat(Cli.run("restore", table.toString()).exitCode()).isEqualTo(2);
    assertThat(Cli.run("restore", table.toString(), "--version", "1", "--as-of", v2).exitCode()).isEqualTo(2);
    Cli.Result missing = Cli.run("restore", table.toString(), "--version", "99");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines()).singleElement().asString().contains("version 99");
  }

  @Test
  void restoringToTheFilesTheTableAlreadyHasCommitsNothing() throws Exception {
    Path table = Cli.ordersTable(dir);
    String history = Cli.ok("history", table.toString()).out();
    assertThat(Cli.ok("restore", table.toString(), "--version", "2").out()).isEqualTo("nothing to restore: version 2 of "
        + table + " already has the data files of version 2; nothing was committed\n");
    JsonNode json = JSON.readTree(Cli.ok("restore", table.toString(), "--version", "2", "--json").out());
    assertThat(json.get("committed").asBoolean()).isFalse();
    assertThat(json.get("version").asLong()).isEqualTo(2);
    assertThat(Cli.ok("history", table.toString()).out()).isEqualTo(history);
    assertThat(JSON.readTree(Cli.ok("restore", table.toString(), "--version", "1", "--json").out())
        .get("committed").asBoolean()).isTrue();
  }

  @Test
  void compactPacksSmallFilesAndPrintsNoProgressBarWhenStderrIsNoTerminal() throws Exception {
    Path table = Cli.ordersTable(dir);
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("c.csv"), "id,name,ts,amount\n6,Barbara,,1\n")
        .toString());
    Cli.Result r = Cli.ok("compact", table.toString(), "--target-size", "16MB", "--sort-by", "id");
    assertThat(r.out().lines()).singleElement().asString().startsWith("compacted " + table + " in version 4: 3 files (")
        .endsWith("into 1 (" + r.out().split("into 1 \\(")[1].split("\\)")[0] + ") in 1 partition");
    assertThat(r.err()).isEmpty();
    assertThat(ids(table)).isEqualTo("1,2,3,4,5,6");
    JsonNode json = JSON.readTree(Cli.ok("compact", table.toString(), "--json").out());
    assertThat(json.get("version").asLong()).isEqualTo(-1);
    assertThat(Cli.ok("compact", table.toString()).out()).startsWith("nothing to compact");
    assertThat(Cli.run("compact", table.toString(), "--target-size", "lots").exitCode()).isEqualTo(2);
    JsonNode history = JSON.readTree(Cli.ok("history", table.toString(), "--json").out());
    assertThat(history.get(4).get("operation").asText()).isEqualTo("OPTIMIZE");
  }

  @Test
  void compactShowsAProgressBarWhenAskedTo() {
    Path table = Cli.ordersTable(dir);
    System.setProperty("tidemark.progress", "always");
    try {
      Cli.Result r = Cli.ok("compact", table.toString());
      assertThat(r.err()).contains("[").contains("100%").contains("2/2 files");
    } finally {
      System.clearProperty("tidemark.progress");
    }
  }

  @Test
  void vacuumDryRunListsWhatARealVacuumDeletes() throws Exception {
    Path table = Cli.ordersTable(dir);
    Cli.ok("delete", table.toString(), "--where", "id < 3");
    Cli.Result dry = Cli.ok("vacuum", table.toString(), "--dry-run");
    assertThat(dry.out().lines()).singleElement().asString().startsWith("vacuum dry run of " + table
        + ": would delete 0 data files (0 B)");
    // files just written are inside any window of a few hundred milliseconds
    Cli.Result young = Cli.ok("vacuum", table.toString(), "--retain", "1h", "--force", "--dry-run", "--json");
    assertThat(JSON.readTree(young.out()).get("numDataFiles").asLong()).isZero();
    assertThat(young.err()).contains("warning").contains("time travel");
    Thread.sleep(1100);
    JsonNode plan = JSON.readTree(Cli.ok("vacuum", table.toString(), "--retain", "1s", "--force", "--dry-run",
        "--json").out());
    assertThat(plan.get("numDataFiles").asLong()).isEqualTo(1);
    long before = Cli.dataFiles(table);
    JsonNode done = JSON.readTree(Cli.ok("vacuum", table.toString(), "--retain", "1s", "--force", "--json").out());
    assertThat(done.get("dataFiles")).isEqualTo(plan.get("dataFiles"));
    assertThat(done.get("dryRun").asBoolean()).isFalse();
    assertThat(Cli.dataFiles(table)).isEqualTo(before - 1);
    assertThat(ids(table)).isEqualTo("3,4,5");
    Cli.Result gone = Cli.run("scan", table.toString(), "--version", "1");
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.errLines()).singleElement().asString().contains("is gone (vacuumed?)");
  }

  @Test
  void vacuumWithAShortRetentionAndNoForceIsAUsageError() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("vacuum", table.toString(), "--retain", "24h");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("shorter than the default 168h").contains("time travel").contains("--force");
    assertThat(Cli.run("vacuum", table.toString(), "--retain", "soon").exitCode()).isEqualTo(2);
    assertThat(Cli.ok("vacuum", table.toString(), "--retain", "7d").out()).startsWith("vacuumed " + table);
  }
}

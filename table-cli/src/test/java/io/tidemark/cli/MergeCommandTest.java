package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {
  @TempDir
  Path dir;

  private static String rows(Path table) {
    return String.join(";", Cli.ok("scan", table.toString(), "--columns", "id,name", "--format", "csv").out()
        .lines().skip(1).sorted().toList());
  }

  @Test
  void mergeUpdatesMatchingRowsInsertsTheOthersAndPrintsOneLine() {
    Path table = Cli.ordersTable(dir); // ids 1-5
    Path changes = Cli.write(dir.resolve("c.csv"), "id,name\n2,Hopper\n9,Barbara\n");
    Cli.Result r = Cli.ok("merge", table.toString(), "--csv", changes.toString(), "--key", "id");
    assertThat(r.out()).isEqualTo("merged 2 rows into " + table + " as version 3: 1 updated, 1 inserted, 0 deleted\n");
    assertThat(rows(table)).isEqualTo("1,Ada;2,Hopper;3,Alan;4,Edsger;5,;9,Barbara");
    String changed = Cli.ok("changes", table.toString(), "--from", "3").out();
    assertThat(changed.lines()).anyMatch(l -> l.contains("update_before") && l.contains("name=Grace"))
        .anyMatch(l -> l.contains("update_after") && l.contains("name=Hopper"))
        .anyMatch(l -> l.contains("\tinsert\t") && l.contains("id=9"));
  }

  @Test
  void aDeleteColumnOnlyOfTheFileDeletesTheRowsItsTrueRowsMatchAndIsNotWritten() {
    Path table = Cli.ordersTable(dir);
    Cli.ok("properties", table.toString(), "set", "write.delete.mode=merge-on-read");
    Path changes = Cli.write(dir.resolve("c.tsv"), "id\tname\tdeleted\n1\t\ttrue\n3\tTuring\tfalse\n8\tKen\t\n"
        + "7\tNobody\ttrue\n");
    Cli.Result r = Cli.ok("merge", table.toString(), "--csv", changes.toString(), "--delimiter", "\\t", "--key", "id",
        "--delete-column", "deleted");
    assertThat(r.out()).endsWith(": 1 updated, 1 inserted, 1 deleted\n");
    assertThat(rows(table)).isEqualTo("2,Grace;3,Turing;4,Edsger;5,;8,Ken");
    assertThat(Cli.ok("schema", table.toString()).out()).doesNotContain("deleted");
    // the file of ids 1-3 keeps its rows and hides two of them (1 deleted, 3 replaced)
    assertThat(Cli.ok("files", table.toString()).out().lines()).anyMatch(l -> l.matches(".*\\s1\\s+2\\s+\\d+$"));
  }

  @Test
  void aDeleteColumnOfTheTableIsUsedAndKeptAndACompositeKeyMatchesOnEveryColumn() {
    Path table = dir.resolve("u");
    Cli.ok("create", table.toString(), "--schema", "tenant string not null, id long not null, name string, gone boolean");
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("a.csv"),
        "tenant,id,name,gone\na,1,x,false\nb,1,y,false\na,2,z,false\n").toString());
    Cli.ok("merge", table.toString(), "--csv", Cli.write(dir.resolve("m.csv"),
        "tenant,id,name,gone\nb,1,y2,false\na,2,,true\nb,2,w,false\n").toString(), "--key", "tenant, id",
        "--delete-column", "gone");
    assertThat(Cli.ok("scan", table.toString(), "--format", "csv").out().lines().skip(1).sorted().toList())
        .containsExactly("a,1,x,false", "b,1,y2,false", "b,2,w,false");
  }

  @Test
  void aBadRowANullKeyOrTwoRowsForOneKeyCommitNothingAndPrintOneLine() {
    Path table = Cli.ordersTable(dir);
    String before = rows(table);
    Path bad = Cli.write(dir.resolve("bad.csv"), "id,name,amount\n2,Hopper,1\n3,Alan,lots\n");
    Cli.Result r = Cli.run("merge", table.toString(), "--csv", bad.toString(), "--key", "id");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("tidemark: cannot merge with " + bad + ": data row 2 (line 3), column 'amount'")
        .contains("lots").endsWith("; nothing was committed");
    Path nullKey = Cli.write(dir.resolve("n.csv"), "name,id\nHopper,2\n,7\n");
    Cli.Result n = Cli.run("merge", table.toString(), "--csv", nullKey.toString(), "--key", "name");
    assertThat(n.exitCode()).isEqualTo(1);
    assertThat(n.errLines()).singleElement().asString().startsWith("tidemark: ").contains("'name' is null");
    Path twice = Cli.write(dir.resolve("t.csv"), "id,name\n2,A\n2,B\n");
    Cli.Result t = Cli.run("merge", table.toString(), "--csv", twice.toString(), "--key", "id");
    assertThat(t.exitCode()).isEqualTo(1);
    assertThat(t.errLines()).singleElement().asString().contains("two records for key id = 2");
    Cli.Result notBool = Cli.run("merge", table.toString(), "--csv", twice.toString(), "--key", "id",
        "--delete-column", "name");
    assertThat(notBool.exitCode()).isEqualTo(2);
    assertThat(notBool.errLines().get(0)).contains("--delete-column name must be a boolean column");
    Cli.Result noKey = Cli.run("merge", table.toString(), "--csv", twice.toString(), "--key", "nope");
    assertThat(noKey.exitCode()).isEqualTo(1);
    assertThat(noKey.errLines()).singleElement().asString().contains("nope");
    assertThat(Cli.run("merge", table.toString(), "--csv", twice.toString()).exitCode()).isEqualTo(2);
    assertThat(rows(table)).isEqualTo(before);
    assertThat(Cli.ok("history", table.toString()).out().lines().filter(l -> l.contains("MERGE"))).isEmpty();
  }
}

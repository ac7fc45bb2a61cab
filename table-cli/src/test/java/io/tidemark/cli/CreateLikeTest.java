package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Tables;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateLikeTest {
  @TempDir
  Path dir;

  @Test
  void createLikeACsvFileGuessesEachColumnsTypeAndTheFileThenAppends() {
    Path csv = Cli.write(dir.resolve("flights.csv"), """
        id,delay,cancelled,day,departed,carrier,note
        1,12,false,2024-01-02,2024-01-02 10:00:00,AA,
        2,-3.5,TRUE,2024-01-03,2024-01-03T11:00:00Z,B6,
        3,,,,2024-01-04,,
        """);
    Path table = dir.resolve("flights");
    String out = Cli.ok("create", table.toString(), "--like", csv.toString()).out();
    String ddl = "id long, delay double, cancelled boolean, day date, departed timestamp, carrier string, note string";
    assertThat(out).startsWith("schema from " + csv + ": " + ddl + "\n").contains("created table at ");
    assertThat(SchemaDdl.format(Tables.open(table.toString()).schema())).isEqualTo(ddl);
    Cli.ok("append", table.toString(), "--csv", csv.toString());
    assertThat(Cli.ok("scan", table.toString(), "--format", "csv").out().lines()).hasSize(4);
  }

  @Test
  void createLikeReadsOtherDelimitersAndRefusesFilesOfAnotherKind() {
    Path tsv = Cli.write(dir.resolve("t.tsv"), "a\tb\n1\tx\n");
    assertThat(Cli.ok("create", dir.resolve("t").toString(), "--like", tsv.toString(), "--delimiter", "\\t").out())
        .startsWith("schema from " + tsv + ": a long, b string\n");
    Path json = Cli.write(dir.resolve("j.csv"), "{\"a\": 1}\n");
    Cli.Result r = Cli.run("create", dir.resolve("j").toString(), "--like", json.toString());
    assertThat(r.errLines()).containsExactly("tidemark: cannot infer a schema from " + json
        + ": it holds JSON, not CSV; append newline-delimited JSON with --json");
    assertThat(Cli.run("create", dir.resolve("k").toString(), "--like", tsv.toString(), "--schema", "a long")
        .exitCode()).isEqualTo(2);
  }
}

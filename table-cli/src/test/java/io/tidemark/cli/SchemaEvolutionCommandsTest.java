package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidemark schema}, {@code tidemark alter} and {@code tidemark append --merge-schema}. */
class SchemaEvolutionCommandsTest {
  @TempDir
  Path dir;

  private Path table() {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", "id long not null, name string, n int");
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("a.csv"), "id,name,n\n1,a,10\n2,b,20\n").toString());
    return table;
  }

  private static List<String> scan(Path table, String... more) {
    String[] args = new String[2 + more.length];
    args[0] = "scan";
    args[1] = table.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return Cli.ok(args).out().lines().toList();
  }

  @Test
  void schemaPrintsFieldsWithIdsAndTheSpec() {
    Path table = table();
    assertThat(Cli.ok("schema", table.toString()).out().lines().toList()).containsExactly(
        "version 1, schema id 0, last column id 3",
        "ID  FIELD  TYPE    NULLABLE",
        " 1  id     long    no",
        " 2  name   string  yes",
        " 3  n      int     yes",
        "partition spec 0: unpartitioned");
  }

  @Test
  void alterActionsThenSchemaOfEveryVersion() {
    Path table = table();
    assertThat(Cli.ok("alter", table.toString(), "add-column", "country", "string", "--after", "id").out())
        .isEqualTo("added column country string as version 2 (schema id 1, partition spec 0)\n");
    assertThat(Cli.ok("alter", table.toString(), "rename-column", "name", "label").out())
        .isEqualTo("renamed column name to label as version 3 (schema id 2, partition spec 0)\n");
    assertThat(Cli.ok("alter", table.toString(), "widen-column", "n", "long").out())
        .isEqualTo("widened column n to long as version 4 (schema id 3, partition spec 0)\n");
    assertThat(Cli.ok("alter", table.toString(), "set-optional", "id").out())
        .isEqualTo("made column id optional as version 5 (schema id 4, partition spec 0)\n");
    assertThat(Cli.ok("alter", table.toString(), "partition-by", "bucket(4, id)").out())
        .isEqualTo("partition spec 1: bucket(4, id) as version 6 (schema id 4, partition spec 1)\n");
    assertThat(Cli.ok("alter", table.toString(), "drop-column", "country").out())
        .isEqualTo("dropped column country as version 7 (schema id 5, partition spec 1)\n");
    assertThat(Cli.ok("alter", table.toString(), "add-column", "z", "int", "--first").out())
        .isEqualTo("added column z int as version 8 (schema id 6, partition spec 1)\n");
    assertThat(Cli.ok("schema", table.toString()).out().lines().toList()).containsExactly(
        "version 8, schema id 6, last column id 5",
        "ID  FIELD  TYPE    NULLABLE",
        " 5  z      int     yes",
        " 1  id     long    yes",
        " 2  label  string  yes",
        " 3  n      long    yes",
        "partition spec 1: bucket(4, id)");
    assertThat(Cli.ok("schema", table.toString(), "--version", "2").out().lines().toList()).containsExactly(
        "version 2, schema id 1, last column id 4",
        "ID  FIELD    TYPE    NULLABLE",
        " 1  id       long    no",
        " 4  country  string  yes",
        " 2  name     string  yes",
        " 3  n        int     yes",
        "partition spec 0: unpartitioned");
    String json = Cli.ok("schema", table.toString(), "--version", "3", "--json").out();
    assertThat(json).contains("\"schemaId\" : 2").contains("\"name\" : \"label\"").contains("\"partitionSpec\" : \"\"");
    assertThat(scan(table, "--format", "csv")).containsExactly("z,id,label,n", ",1,a,10", ",2,b,20");
  }

  @Test
  void refusedAlterPrintsOneLineAndCommitsNothing() {
    Path table = table();
    Cli.Result r = Cli.run("alter", table.toString(), "widen-column", "id", "int");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: cannot change the type of column 'id'"
        + " from long to int");
    r = Cli.run("alter", table.toString(), "add-column", "k", "int", "--required");
    assertThat(r.errLines()).singleElement().asString().contains("cannot add required column 'k'");
    r = Cli.run("alter", table.toString(), "frobnicate", "x");
    assertThat(r.errLines()).singleElement().asString().contains("unknown alter action 'frobnicate'");
    r = Cli.run("alter", table.toString(), "rename-column", "n");
    assertThat(r.errLines()).singleElement().asString().contains("rename-column takes OLD NEW");
    assertThat(Cli.ok("schema", table.toString()).out()).startsWith("version 1, schema id 0");
  }

  @Test
  void appendWithMergeSchemaAddsStringColumns() {
    Path table = table();
    Path wide = Cli.write(dir.resolve("w.csv"), "id,name,n,country\n3,c,30,NL\n");
    Cli.Result refused = Cli.run("append", table.toString(), "--csv", wide.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines()).singleElement().asString().contains("country");
    assertThat(Cli.ok("append", table.toString(), "--csv", wide.toString(), "--merge-schema").out())
        .isEqualTo("appended 1 row in 1 file as version 2\n");
    assertThat(scan(table, "--format", "csv")).containsExactly("id,name,n,country", "1,a,10,", "2,b,20,", "3,c,30,NL");
  }
}

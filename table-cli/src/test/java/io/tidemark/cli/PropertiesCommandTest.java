package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidemark properties}: show, set and unset, and one-line errors. */
class PropertiesCommandTest {
  @TempDir
  Path dir;

  private String table() {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", Cli.ORDERS, "--property", "checkpoint.interval=50");
    return table.toString();
  }

  @Test
  void showSetUnsetThenShowEveryVersion() {
    String table = table();
    assertThat(Cli.ok("properties", table).out()).isEqualTo("version 0\ncheckpoint.interval=50\n");
    assertThat(Cli.ok("properties", table, "set", "write.parquet.compression=zstd", "user.note=a=b c").out())
        .isEqualTo("set write.parquet.compression=zstd user.note=a=b c as version 1\n");
    assertThat(Cli.ok("properties", table, "unset", "checkpoint.interval", "user.never-set").out())
        .isEqualTo("unset checkpoint.interval user.never-set as version 2\n");
    assertThat(Cli.ok("properties", table).out())
        .isEqualTo("version 2\nuser.note=a=b c\nwrite.parquet.compression=zstd\n");
    assertThat(Cli.ok("properties", table, "--version", "1").out())
        .isEqualTo("version 1\ncheckpoint.interval=50\nuser.note=a=b c\nwrite.parquet.compression=zstd\n");
    assertThat(Cli.ok("properties", table, "--json").out()).isEqualToIgnoringWhitespace("""
        {"version": 2, "properties": {"user.note": "a=b c", "write.parquet.compression": "zstd"}}""");
    assertThat(Cli.ok("history", table).out()).contains("SET TBLPROPERTIES");
  }

  @Test
  void aTableWithoutPropertiesSaysSo() {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", Cli.ORDERS);
    assertThat(Cli.ok("properties", table.toString()).out())
        .isEqualTo("version 0\n(no properties set: every property has its default)\n");
  }

  @Test
  void refusedChangesPrintOneLineAndCommitNothing() {
    String table = table();
    Cli.Result unknown = Cli.run("properties", table, "set", "checkpoint.intervall=5");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.errLines()).containsExactly("tidemark: unknown table property 'checkpoint.intervall'; did you"
        + " mean 'checkpoint.interval'? (keys starting with 'user.' are free for applications)");
    Cli.Result bad = Cli.run("properties", table, "set", "user.ok=1", "checkpoint.interval=often");
    assertThat(bad.errLines()).containsExactly(
        "tidemark: table property checkpoint.interval must be an integer of at least 0, was 'often'");
    assertThat(Cli.run("properties", table, "set", "novalue").errLines())
        .containsExactly("tidemark: set takes KEY=VALUE arguments, got 'novalue'");
    assertThat(Cli.run("properties", table, "set").errLines())
        .containsExactly("tidemark: set needs at least one KEY=VALUE");
    assertThat(Cli.run("properties", table, "drop", "x").errLines()).containsExactly(
        "tidemark: unknown properties action 'drop'; actions are set and unset (none shows the properties)");
    assertThat(Cli.run("properties", table, "unset", "user.never-set").errLines())
        .containsExactly("tidemark: the property change changes nothing: user.never-set is not set");
    assertThat(Cli.ok("history", table).out().lines().filter(l -> l.contains("SET TBLPROPERTIES"))).isEmpty();
  }

  @Test
  void createRefusesAnUnknownPropertyWithOneLine() {
    Cli.Result r = Cli.run("create", dir.resolve("t").toString(), "--schema", Cli.ORDERS, "--property",
        "compression=zstd");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: unknown table property 'compression'; did you mean"
        + " 'write.parquet.compression'? (keys starting with 'user.' are free for applications)");
  }
}

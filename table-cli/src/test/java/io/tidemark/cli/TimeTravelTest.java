package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeTravelTest {
  @TempDir
  Path dir;

  private Instant commitTime(Path table, int version) throws Exception {
    JsonNode history = new ObjectMapper().readTree(Cli.ok("history", table.toString(), "--json").out());
    return Instant.parse(history.get(version).get("timestamp").asText());
  }

  private static String ids(String csv) {
    return String.join(",", csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList());
  }

  @Test
  void scanAtVersionReadsThatVersion() {
    Path table = Cli.ordersTable(dir);
    assertThat(ids(Cli.ok("scan", table.toString(), "--version", "1", "--format", "csv").out())).isEqualTo("1,2,3");
    assertThat(ids(Cli.ok("scan", table.toString(), "--version", "2", "--format", "csv").out())).isEqualTo("1,2,3,4,5");
    assertThat(Cli.ok("scan", table.toString(), "--version", "0").out()).endsWith("(0 rows)\n");
  }

  @Test
  void scanAsOfATimeBetweenTwoCommitsReadsTheEarlierOne() throws Exception {
    Path table = Cli.ordersTable(dir);
    Instant v1 = commitTime(table, 1);
    Instant v2 = commitTime(table, 2);
    Instant between = v1.plus(Duration.between(v1, v2).dividedBy(2));
    assertThat(between).isBefore(v2);
    String utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC).format(between);
    assertThat(ids(Cli.ok("scan", table.toString(), "--as-of", utc, "--format", "csv").out())).isEqualTo("1,2,3");
    assertThat(ids(Cli.ok("scan", table.toString(), "--as-of", between.toString(), "--format", "csv").out()))
        .isEqualTo("1,2,3");
  }

  @Test
  void scanAsOfACommitTimeAsHistoryPrintsItReadsThatVersion() throws Exception {
    Path table = Cli.ordersTable(dir);
    String v2 = Timestamps.millis(commitTime(table, 2));
    assertThat(ids(Cli.ok("scan", table.toString(), "--as-of", v2, "--format", "csv").out())).isEqualTo("1,2,3,4,5");
  }

  @Test
  void scanAsOfBeforeTheFirstCommitFailsWithOneLine() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("scan", table.toString(), "--as-of", "2000-01-01 00:00:00");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void scanAtAVersionThatDoesNotExistFailsWithOneLine() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("scan", table.toString(), "--version", "9");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: ").contains("9");
  }

  @Test
  void versionAndAsOfTogetherIsAUsageError() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("scan", table.toString(), "--version", "1", "--as-of", "2024-01-01T00:00:00Z");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive").contains("Try 'tidemark scan --help'").doesNotContain("Usage:");
  }

  @Test
  void aBadAsOfTimestampIsAUsageError() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("scan", table.toString(), "--as-of", "yesterday");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'yesterday' is not a timestamp").contains("Try 'tidemark scan --help'").doesNotContain("Usage:");
  }

  @Test
  void csvValuesAsOfAndWhereReadEveryTimestampFormTheSame() {
    Path table = dir.resolve("ts");
    Cli.ok("create", table.toString(), "--schema", "form string, ts timestamp");
    String[] forms = {"2024-01-02", "2024-01-02 00:00:00", "2024-01-02T00:00:00Z", "2024-01-02 02:00:00 +02:00",
        "2024-01-02T00:00:00.000000", "2024-01-02 00:00:00 UTC"};
    StringBuilder csv = new StringBuilder("form,ts\n");
    for (String form : forms) {
      csv.append('"').append(form).append("\",").append(form).append('\n');
    }
    Cli.ok("append", table.toString(), "--csv", Cli.write(dir.resolve("forms.csv"), csv.toString()).toString());
    for (String form : forms) {
      // each form, as a filter literal, matches every row: all were read as the same instant
      assertThat(Cli.ok("scan", table.toString(), "--where", "ts = '" + form + "'", "--format", "csv").out().lines())
          .as(form).hasSize(1 + forms.length);
      assertThat(io.tidemark.core.expr.Expressions.parseTimestamp(form)).as(form).isEqualTo(java.time.Instant.parse("2024-01-02T00:00:00Z"));
    }
  }
}

package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateAppendScanTest {
  @TempDir
  Path dir;

  @Test
  void createPrintsOneLineWithLocationAndVersionZero() {
    Path table = dir.resolve("t");
    Cli.Result r = Cli.ok("create", table.toString(), "--schema", Cli.ORDERS, "--property",
        "write.parquet.compression=zstd");
    assertThat(r.out()).isEqualTo("created table at " + table.toAbsolutePath() + " (version 0)\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void createOnAnExistingTableFailsWithOneLine() {
    Path table = Cli.ordersTable(dir);
    Cli.Result r = Cli.run("create", table.toString(), "--schema", Cli.ORDERS);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("tidemark: a table already exists at " + table);
  }

  @Test
  void createWithABadSchemaFailsNamingThePosition() {
    Cli.Result r = Cli.run("create", dir.resolve("t").toString(), "--schema", "id lung");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: unknown type 'lung'");
  }

  @Test
  void appendPrintsRowsFilesAndVersion() {
    Path table = dir.resolve("t");
    Cli.ok("create", table.toString(), "--schema", Cli.ORDERS);
    Path csv = Cli.write(dir.resolve("x.csv"), "id,amount\n1,2.5\n2,3.5\n");
    Cli.Result r = Cli.ok("append", table.toString(), "--csv", csv.toString());
    assertThat(r.out()).isEqualTo("appended 2 rows in 1 file as version 1\n");
  }

  @Test
  void scanTableFormatAlignsColumnsUnderAHeaderAndCountsRows() {
    Path table = Cli.ordersTable(dir);
    List<String> lines = Cli.ok("scan", table.toString()).out().lines().toList();
    assertThat(lines).containsExactly(
        "id  name    ts                           amount",
        "--  ------  ---------------------------  ------",
        " 1  Ada     2024-01-02T10:00:00.123Z       12.5",
        " 2  Grace   2024-01-02T11:00:00.000Z       7.25",
        " 3  Alan    2024-01-02T11:00:00.000Z       NULL",
        " 4  Edsger  2024-01-03T09:30:00.000Z        3.0",
        " 5  NULL    2024-01-03T10:00:00.000001Z   99.99",
        "(5 rows)");
  }

  @Test
  void scanCsvFormatHasAHeaderRowAndReadsBackThroughAppend() {
    Path table = Cli.ordersTable(dir);
    String csv = Cli.ok("scan", table.toString(), "--format", "csv").out();
    assertThat(csv).startsWith("id,name,ts,amount\n").doesNotContain("\r");
    assertThat(csv.split("\n")).containsExactly(
        "id,name,ts,amount",
        "1,Ada,2024-01-02T10:00:00.123Z,12.5",
        "2,Grace,2024-01-02T11:00:00.000Z,7.25",
        "3,Alan,2024-01-02T11:00:00.000Z,",
        "4,Edsger,2024-01-03T09:30:00.000Z,3.0",
        "5,,2024-01-03T10:00:00.000001Z,99.99");

    Path copy = dir.resolve("copy");
    Cli.ok("create", copy.toString(), "--schema", Cli.ORDERS);
    Cli.ok("append", copy.toString(), "--csv", Cli.write(dir.resolve("out.csv"), csv).toString());
    assertThat(Cli.ok("scan", copy.toString(), "--format", "csv").out()).isEqualTo(csv);
  }

  @Test
  void scanJsonFormatPrintsOneObjectPerLine() throws Exception {
    Path table = Cli.ordersTable(dir);
    List<String> lines = Cli.ok("scan", table.toString(), "--format", "JSON").out().lines().toList();
    assertThat(lines).hasSize(5);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines.get(0));
    assertThat(first.get("id").isIntegralNumber()).isTrue();
    assertThat(first.get("id").asLong()).isEqualTo(1);
    assertThat(first.get("name").asText()).isEqualTo("Ada");
    assertThat(first.get("ts").asText()).isEqualTo("2024-01-02T10:00:00.123Z");
    assertThat(first.get("amount").asDouble()).isEqualTo(12.5);
    assertThat(lines.get(0)).startsWith("{\"id\":1,\"name\":\"Ada\"");
    assertThat(mapper.readTree(lines.get(2)).get("amount").isNull()).isTrue();
    assertThat(mapper.readTree(lines.get(4)).get("name").isNull()).isTrue();
  }

  @Test
  void everyPrimitiveTypeRoundTripsFromCsvToEachFormat() throws Exception {
    Path table = dir.resolve("types");
    Cli.ok("create", table.toString(), "--schema", "b boolean, i int, l long not null, f float, d double,"
        + " dec decimal(10,2), dt date, ts timestamp, ntz timestamp_ntz, s string, bin binary");
    Path csv = Cli.write(dir.resolve("types.csv"), """
        l,b,i,f,d,dec,dt,ts,ntz,s,bin
        1,true,-7,1.5,2.25,12.5,2024-02-29,2024-01-02 10:00:00.123456,2024-01-02 10:00:00,"a, ""quoted""
        text",AQID
        2,FALSE,2147483647,-Infinity,1e3,-0.01,1970-01-01,2024-01-02T10:00:00+01:00,2024-01-02T10:00:00.5,"",""
        3,,,,,,,,,,
        """);
    assertThat(Cli.ok("append", table.toString(), "--csv", csv.toString()).out())
        .isEqualTo("appended 3 rows in 1 file as version 1\n");

    String out = Cli.ok("scan", table.toString(), "--format", "csv").out();
    assertThat(out).isEqualTo(String.join("\n",
        "b,i,l,f,d,dec,dt,ts,ntz,s,bin",
        "true,-7,1,1.5,2.25,12.50,2024-02-29,2024-01-02T10:00:00.123456Z,2024-01-02T10:00:00.000,"
            + "\"a, \"\"quoted\"\"\ntext\",AQID",
        "false,2147483647,2,-Infinity,1000.0,-0.01,1970-01-01,2024-01-02T09:00:00.000Z,"
            + "2024-01-02T10:00:00.500,\"\",\"\"",
        ",,3,,,,,,,,") + "\n");

    List<String> json = Cli.ok("scan", table.toString(), "--format", "json").out().lines().toList();
    JsonNode row = new ObjectMapper().readTree(json.get(0));
    assertThat(row.get("dec").isNumber()).isTrue();
    assertThat(row.get("dec").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(row.get("bin").asText()).isEqualTo("AQID");
    assertThat(row.get("b").asBoolean()).isTrue();
    assertThat(new ObjectMapper().readTree(json.get(1)).get("f").asText()).isEqualTo("-Infinity");

    // csv output reads back to the same values, quoted newline and empty strings included
    Path copy = dir.resolve("copy");
    Cli.ok("create", copy.toString(), "--schema", "b boolean, i int, l long not null, f float, d double,"
        + " dec decimal(10,2), dt date, ts timestamp, ntz timestamp_ntz, s string, bin binary");
    Cli.ok("append", copy.toString(), "--csv", Cli.write(dir.resolve("back.csv"), out).toString());
    assertThat(Cli.ok("scan", copy.toString(), "--format", "csv").out()).isEqualTo(out);

    assertThat(Cli.ok("scan", table.toString(), "--columns", "s").out())
        .contains("a, \"quoted\"\\ntext");
  }
}

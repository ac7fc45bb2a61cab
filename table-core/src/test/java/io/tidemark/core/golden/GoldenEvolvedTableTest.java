package io.tidemark.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code testdata/golden/v1-evolved} (see {@link GoldenEvolvedTables}) reads back every version. */
class GoldenEvolvedTableTest {
  @TempDir
  Path dir;
  Table table;

  @BeforeEach
  void copyGoldenTable() throws IOException {
    Path target = GoldenCopy.of("v1-evolved", dir);
    table = Tables.open(target.toString());
  }

  private static String text(Record r) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      NestedField f = r.struct().fields().get(i);
      Object v = r.get(i);
      parts.add(f.name() + "=" + (v instanceof Record nested ? "{" + text(nested) + "}" : v));
    }
    return String.join(", ", parts);
  }

  private List<String> rows(long version) {
    return TestTables.read(table.newScan().asOfVersion(version)).stream().map(GoldenEvolvedTableTest::text)
        .sorted().toList();
  }

  @Test
  void everyVersionReadsWithItsOwnSchema() {
    assertThat(table.refresh().version()).isEqualTo(7);
    List<String> v1 = List.of(
        "id=1, name=a, n=10, price=1.5, amt=1.25, pt={x=0.5}",
        "id=2, name=b, n=20, price=2.5, amt=2.50, pt=null");
    assertThat(rows(1)).containsExactlyElementsOf(v1);
    assertThat(rows(2)).containsExactly(
        "id=1, country=null, label=a, n=10, price=1.5, amt=1.25, pt={x=0.5}",
        "id=2, country=null, label=b, n=20, price=2.5, amt=2.50, pt=null");
    List<String> v3 = List.of(
        "id=1, country=null, label=a, n=10, price=1.5, amt=1.25, pt={x=0.5}",
        "id=2, country=null, label=b, n=20, price=2.5, amt=2.50, pt=null",
        "id=3, country=NL, label=c, n=5000000000, price=3.25, amt=1234567.89, pt={x=3.0}");
    assertThat(rows(3)).containsExactlyElementsOf(v3);
    assertThat(rows(4)).containsExactlyElementsOf(v3);
    List<String> v5 = new ArrayList<>(v3);
    v5.add("id=4, country=DE, label=a, n=40, price=null, amt=4.00, pt=null");
    assertThat(rows(5)).containsExactlyElementsOf(v5);
    List<String> v6 = List.of(
        "id=1, country=null, label=a, n=10, amt=1.25, pt={x=0.5, y=null}",
        "id=2, country=null, label=b, n=20, amt=2.50, pt=null",
        "id=3, country=NL, label=c, n=5000000000, amt=1234567.89, pt={x=3.0, y=null}",
        "id=4, country=DE, label=a, n=40, amt=4.00, pt=null");
    assertThat(rows(6)).containsExactlyElementsOf(v6);
    assertThat(rows(7)).containsExactly(
        "id=1, country=null, label=a, n=10, amt=1.25, pt={x=0.5, y=null}, tag=null",
        "id=2, country=null, label=b, n=20, amt=2.50, pt=null, tag=null",
        "id=3, country=NL, label=c, n=5000000000, amt=1234567.89, pt={x=3.0, y=null}, tag=null",
        "id=4, country=DE, label=a, n=40, amt=4.00, pt=null, tag=null",
        "id=5, country=null, label=e, n=50, amt=null, pt={x=5.0, y=5.5}, tag=new");
  }

  @Test
  void metadataOfTheChangesAndPruningAcrossThem() {
    TableMetadata m = table.refresh().metadata();
    assertThat(SchemaDdl.format(m.schema())).isEqualTo("id long, country string, label string, n long, "
        + "amt decimal(9,2), pt struct<x: double, y: double>, tag string");
    assertThat(m.schemaId()).isEqualTo(3);
    assertThat(m.schema().column("label").id()).isEqualTo(2);
    assertThat(m.lastColumnId()).isEqualTo(10);
    assertThat(m.defaultSpecId()).isEqualTo(1);
    assertThat(m.lastPartitionId()).isEqualTo(1001);
    assertThat(table.snapshot(1).metadata().schema()).isEqualTo(GoldenEvolvedTables.SCHEMA);
    assertThat(table.history()).extracting(h -> h.operation()).containsExactly("CREATE TABLE", "WRITE", "SET SCHEMA",
        "WRITE", "SET PARTITION SPEC", "WRITE", "SET SCHEMA", "WRITE");
    // the renamed partition source of spec 0 and the widened column still prune
    assertThat(table.newScan().filter(Expressions.equal("label", "b")).plan().files()).hasSize(1);
    assertThat(table.newScan().filter(Expressions.greaterThan("n", 1_000_000L)).plan().files()).hasSize(1);
    assertThat(TestTables.read(table.newScan().filter("label = 'a'").select("id")).stream()
        .map(r -> r.get("id")).sorted().toList()).containsExactly(1L, 4L);
  }
}

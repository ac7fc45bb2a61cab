package io.tidemark.core.internal.evolve;

import static io.tidemark.core.internal.evolve.EvolveFixtures.append;
import static io.tidemark.core.internal.evolve.EvolveFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.EvolutionResult;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.core.Tables;
import io.tidemark.core.UpdateSchema;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema changes: each change, then reads of every version before and after it. */
class SchemaEvolutionTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, name string, n int, price float, amt decimal(5,2)");

  @TempDir
  Path dir;

  private Table table() {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(t, Record.of(SCHEMA, 1L, "a", 10, 1.5f, new BigDecimal("1.25")));
    append(t, Record.of(SCHEMA, 2L, "b", 20, 2.5f, new BigDecimal("2.50")));
    return t;
  }

  private static final List<String> V2 = List.of(
      "id=1L, name=a, n=10, price=1.5, amt=1.25",
      "id=2L, name=b, n=20, price=2.5, amt=2.50");

  @Test
  void addColumnAfterReadsNullForOldFilesAndValuesForNewOnes() {
    Table t = table();
    EvolutionResult r = t.updateSchema().addColumn("country", Types.STRING).after("id").commit();
    assertThat(r.version()).isEqualTo(3);
    assertThat(r.metadata().schemaId()).isEqualTo(1);
    Schema s3 = t.schema();
    assertThat(s3.columns().stream().map(f -> f.name()).toList()).containsExactly("id", "country", "name", "n", "price", "amt");
    assertThat(s3.column("country").id()).isEqualTo(6);
    assertThat(s3.column("country").required()).isFalse();
    assertThat(rows(t, 2)).containsExactlyElementsOf(V2);
    assertThat(rows(t, 3)).containsExactly(
        "id=1L, country=null, name=a, n=10, price=1.5, amt=1.25",
        "id=2L, country=null, name=b, n=20, price=2.5, amt=2.50");
    append(t, Record.of(s3, 3L, "NL", "c", 30, 3.5f, new BigDecimal("3.75")));
    assertThat(rows(t, 4)).containsExactly(
        "id=1L, country=null, name=a, n=10, price=1.5, amt=1.25",
        "id=2L, country=null, name=b, n=20, price=2.5, amt=2.50",
        "id=3L, country=NL, name=c, n=30, price=3.5, amt=3.75");
    assertThat(rows(t, 2)).containsExactlyElementsOf(V2);
    assertThat(rows(t, 1)).containsExactly("id=1L, name=a, n=10, price=1.5, amt=1.25");
    HistoryEntry h = t.history().get(3);
    assertThat(h.operation()).isEqualTo("SET SCHEMA");
    assertThat(h.parameters()).containsEntry("changes", "add column country string; move column country after id")
        .containsEntry("schemaId", "1");
  }

  @Test
  void renameDropWidenTogetherInOneCommit() {
    Table t = table();
    t.updateSchema().renameColumn("name", "label").dropColumn("price").widenColumn("n", Types.LONG)
        .widenColumn("amt", Types.decimal(9, 2)).moveFirst("label").commit();
    TableMetadata m = t.refresh().metadata();
    assertThat(m.schemaId()).isEqualTo(1);
    assertThat(m.lastColumnId()).isEqualTo(5);
    assertThat(SchemaDdl.format(m.schema())).isEqualTo("label string, id long not null, n long, amt decimal(9,2)");
    assertThat(m.schema().column("label").id()).isEqualTo(2);
    assertThat(rows(t)).containsExactly(
        "label=a, id=1L, n=10L, amt=1.25",
        "label=b, id=2L, n=20L, amt=2.50");
    assertThat(rows(t, 2)).containsExactlyElementsOf(V2);
    Record newRow = Record.of(t.schema(), "c", 3L, 5_000_000_000L, new BigDecimal("1234567.89"));
    append(t, newRow);
    assertThat(rows(t)).containsExactly(
        "label=a, id=1L, n=10L, amt=1.25",
        "label=b, id=2L, n=20L, amt=2.50",
        "label=c, id=3L, n=5000000000L, amt=1234567.89");
    assertThat(rows(t, 3)).containsExactly(
        "label=a, id=1L, n=10L, amt=1.25",
        "label=b, id=2L, n=20L, amt=2.50");
    // a dropped column comes back under time travel only
    assertThat(rows(t.newScan().asOfVersion(2).select("name", "price"))).containsExactly(
        "name=a, price=1.5", "name=b, price=2.5");
  }

  @Test
  void floatWidenedToDoubleIsPromoted() {
    Table t = table();
    t.updateSchema().widenColumn("price", Types.DOUBLE).commit();
    assertThat(rows(t.newScan().select("id", "price"))).containsExactly("id=1L, price=1.5", "id=2L, price=2.5");
    assertThat(t.schema().column("price").type()).isEqualTo(Types.DOUBLE);
    // 0.1f promoted is 0.10000000149011612: above 0.1, and neither file stats nor row groups may prune it
    append(t, Record.of(t.schema(), 3L, "c", 1, 0.1f + 0.0, new BigDecimal("1.00")));
    Table narrow = Tables.create(dir.resolve("f").toString(), SCHEMA);
    append(narrow, Record.of(SCHEMA, 1L, "a", 1, 0.1f, new BigDecimal("1.00")));
    narrow.updateSchema().widenColumn("price", Types.DOUBLE).widenColumn("n", Types.LONG)
        .widenColumn("amt", Types.decimal(10, 2)).commit();
    assertThat(rows(narrow.newScan().filter(Expressions.greaterThan("price", 0.1)).select("id"))).containsExactly("id=1L");
    assertThat(rows(narrow.newScan().filter(Expressions.equal("price", (double) 0.1f)).select("id")))
        .containsExactly("id=1L");
    assertThat(rows(narrow.newScan().filter(Expressions.equal("n", 1L)).select("id"))).containsExactly("id=1L");
    assertThat(rows(narrow.newScan().filter(Expressions.equal("amt", new BigDecimal("1.00"))).select("id")))
        .containsExactly("id=1L");
    assertThat(narrow.newScan().filter(Expressions.greaterThan("price", 0.2)).plan().files()).isEmpty();
  }

  @Test
  void renamedAndWidenedColumnsStillPrune() {
    Table t = table(); // one file per row
    t.updateSchema().renameColumn("name", "label").widenColumn("n", Types.LONG).widenColumn("price", Types.DOUBLE)
        .commit();
    assertThat(t.newScan().filter(Expressions.equal("label", "b")).plan().files()).hasSize(1);
    assertThat(t.newScan().filter(Expressions.greaterThan("n", 15L)).plan().files()).hasSize(1);
    assertThat(t.newScan().filter(Expressions.lessThan("price", 2.0)).plan().files()).hasSize(1);
    assertThat(t.newScan().filter(Expressions.greaterThan("n", 100L)).plan().files()).isEmpty();
    assertThat(rows(t.newScan().filter("n = 20").select("id", "label"))).containsExactly("id=2L, label=b");
    assertThat(rows(t.newScan().filter("label = 'a'").select("id", "n"))).containsExactly("id=1L, n=10L");
  }

  @Test
  void widenedPartitionSourcesStillPruneOldFiles() {
    Schema schema = SchemaDdl.parse("k int not null, g int, v string");
    Table t = Tables.create(dir.resolve("w").toString(), schema,
        PartitionSpec.builderFor(schema).bucket("k", 4).identity("g").build(), Map.of());
    for (int k = 0; k < 8; k++) {
      append(t, Record.of(schema, k, k % 2, "v" + k));
    }
    t.updateSchema().widenColumn("k", Types.LONG).widenColumn("g", Types.LONG).commit();
    append(t, Record.of(t.schema(), 8L, 0L, "v8"));
    assertThat(rows(t.newScan().filter(Expressions.equal("k", 5L)))).containsExactly("k=5L, g=1L, v=v5");
    assertThat(t.newScan().filter(Expressions.equal("k", 5L)).plan().files()).hasSize(1);
    assertThat(t.newScan().filter(Expressions.equal("g", 1L)).plan().files()).hasSize(4);
    assertThat(rows(t.newScan().filter(Expressions.equal("g", 0L)).select("k"))).containsExactly(
        "k=0L", "k=2L", "k=4L", "k=6L", "k=8L");
  }

  @Test
  void makeOptionalAndMoves() {
    Table t = table();
    t.updateSchema().makeOptional("id").moveBefore("amt", "name").moveAfter("id", "n").commit();
    assertThat(SchemaDdl.format(t.schema())).isEqualTo("amt decimal(5,2), name string, n int, id long, price float");
    assertThat(rows(t)).containsExactly(
        "amt=1.25, name=a, n=10, id=1L, price=1.5",
        "amt=2.50, name=b, n=20, id=2L, price=2.5");
    Record nullId = Record.of(t.schema(), null, "z", null, null, null);
    append(t, nullId);
    assertThat(rows(t)).contains("amt=null, name=z, n=null, id=null, price=null");
    assertThat(rows(t, 2)).containsExactlyElementsOf(V2);
  }

  @Test
  void dropThenAddTheSameNameGetsANewId() {
    Table t = table();
    t.updateSchema().dropColumn("name").addColumn("name", Types.INT).commit();
    assertThat(t.schema().column("name").id()).isEqualTo(6);
    assertThat(rows(t.newScan().select("id", "name"))).containsExactly("id=1L, name=null", "id=2L, name=null");
    assertThat(t.refresh().metadata().lastColumnId()).isEqualTo(6);
    t.updateSchema().dropColumn("name").commit();
    t.updateSchema().addColumn("x", Types.INT).commit();
    assertThat(t.schema().column("x").id()).isEqualTo(7); // ids never reused, even of dropped columns
  }

  @Test
  void nestedAddsIntoStructsListElementsAndMapValues() {
    Schema nested = SchemaDdl.parse("id long not null, pt struct<x: double>, items list<struct<qty: int>>, "
        + "attrs map<string, struct<unit: string>>");
    Table t = Tables.create(dir.resolve("n").toString(), nested);
    StructType pt = (StructType) nested.column("pt").type();
    StructType item = (StructType) ((io.tidemark.spec.types.ListType) nested.column("items").type()).elementType();
    StructType attr = (StructType) ((io.tidemark.spec.types.MapType) nested.column("attrs").type()).valueType();
    append(t, Record.of(nested, 1L, Record.of(pt, 1.0), List.of(Record.of(item, 3)), Map.of("k", Record.of(attr, "cm"))));
    t.updateSchema().addColumn("pt.y", Types.DOUBLE).addColumn("items.element.note", Types.STRING)
        .addColumn("attrs.value.scale", Types.INT).addColumn("pt.z", Types.struct(Types.optional("w", Types.LONG)))
        .first().commit();
    Schema s = t.schema();
    assertThat(SchemaDdl.format(s)).isEqualTo("id long not null, pt struct<z: struct<w: long>, x: double, y: double>, "
        + "items list<struct<qty: int, note: string>>, attrs map<string, struct<unit: string, scale: int>>");
    int last = nested.highestFieldId();
    assertThat(t.refresh().metadata().lastColumnId()).isEqualTo(last + 5);
    assertThat(rows(t)).containsExactly(
        "id=1L, pt={z=null, x=1.0, y=null}, items=[{qty=3, note=null}], attrs={k:{unit=cm, scale=null}}");
    assertThat(rows(t, 1)).containsExactly("id=1L, pt={x=1.0}, items=[{qty=3}], attrs={k:{unit=cm}}");
    t.updateSchema().renameColumn("pt.x", "xx").dropColumn("items.element.qty").commit();
    assertThat(rows(t)).containsExactly(
        "id=1L, pt={z=null, xx=1.0, y=null}, items=[{note=null}], attrs={k:{unit=cm, scale=null}}");
  }

  @Test
  void requiredColumnMayBeAddedToAnEmptyTable() {
    Table t = Tables.create(dir.resolve("e").toString(), SCHEMA);
    t.updateSchema().addRequiredColumn("k", Types.INT).commit();
    assertThat(t.schema().column("k").required()).isTrue();
    append(t, Record.of(t.schema(), 1L, null, null, null, null, 7));
    assertThat(rows(t.newScan().select("id", "k"))).containsExactly("id=1L, k=7");
  }

  @Test
  void everyRefusalNamesTheColumnAndLeavesTheVersionUnchanged() {
    Table t = Tables.create(dir.resolve("p").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).bucket("id", 4).identity("name").build(), Map.of());
    append(t, Record.of(SCHEMA, 1L, "a", 10, 1.5f, new BigDecimal("1.25")));
    long version = t.refresh().version();
    refused(t, t.updateSchema().widenColumn("id", Types.INT), "'id'", "from long to int", "narrowing");
    refused(t, t.updateSchema().widenColumn("name", Types.INT), "'name'", "from string to int");
    refused(t, t.updateSchema().widenColumn("amt", Types.decimal(5, 3)), "'amt'", "decimal(5,2) to decimal(5,3)");
    refused(t, t.updateSchema().widenColumn("amt", Types.decimal(4, 2)), "'amt'", "narrowing");
    refused(t, t.updateSchema().addRequiredColumn("k", Types.INT), "'k'", "1 rows", "optional");
    refused(t, t.updateSchema().renameColumn("n", "price"), "'n'", "'price'", "exists");
    refused(t, t.updateSchema().addColumn("n", Types.INT), "'n'", "exists");
    refused(t, t.updateSchema().dropColumn("id"), "'id'", "id_bucket");
    refused(t, t.updateSchema().dropColumn("name"), "'name'", "partition field 'name'");
    refused(t, t.updateSchema().renameColumn("n", "id_bucket"), "'n'", "id_bucket");
    refused(t, t.updateSchema().dropColumn("nope"), "'nope'", "no column");
    refused(t, t.updateSchema().renameColumn("nope", "x"), "'nope'");
    refused(t, t.updateSchema().makeOptional("nope.x"), "'nope.x'");
    refused(t, t.updateSchema().addColumn("n.x", Types.INT), "'n'", "not a struct");
    refused(t, t.updateSchema().renameColumn("n", "a.b"), "'n'", "'.'");
    refused(t, t.updateSchema().makeOptional("name"), "changes nothing");
    // a good change followed by a bad one commits neither
    refused(t, t.updateSchema().addColumn("ok", Types.INT).widenColumn("n", Types.STRING), "'n'");
    Table single = Tables.create(dir.resolve("s").toString(), SchemaDdl.parse("only long"));
    refused(single, single.updateSchema().dropColumn("only"), "'only'", "last column");
    assertThat(t.refresh().version()).isEqualTo(version);
    assertThat(t.schema()).isEqualTo(SCHEMA);
    assertThat(t.refresh().metadata().schemaId()).isZero();
  }

  private static void refused(Table t, UpdateSchema change, String... fragments) {
    long before = t.refresh().version();
    Schema schema = t.schema();
    assertThatThrownBy(change::commit).isInstanceOf(InvalidArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    assertThat(t.refresh().version()).isEqualTo(before);
    assertThat(t.schema()).isEqualTo(schema);
  }
}

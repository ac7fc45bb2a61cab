package io.tidemark.core.internal.evolve;

import static io.tidemark.core.internal.evolve.EvolveFixtures.append;
import static io.tidemark.core.internal.evolve.EvolveFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.StructType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends with mergeSchema: wider records add optional columns in the same commit. */
class MergeSchemaTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, name string");
  static final Schema WIDER = SchemaDdl.parse("id long not null, name string, country string, score int");

  @TempDir
  Path dir;

  private Table table() {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).bucket("id", 2).build(), Map.of());
    append(t, Record.of(SCHEMA, 1L, "a"));
    return t;
  }

  @Test
  void widerRecordsAddTheirColumnsInTheSameCommit() {
    Table t = table();
    long version;
    try (AppendWriter w = t.newAppend().mergeSchema(true)) {
      w.write(Record.of(SCHEMA, 2L, "b"));
      w.write(Record.of(WIDER, 3L, "c", "NL", 7));
      w.write(Record.of(SCHEMA, 4L, "d"));
      version = w.commit().version();
    }
    assertThat(version).isEqualTo(2);
    Schema s = t.schema();
    assertThat(SchemaDdl.format(s)).isEqualTo("id long not null, name string, country string, score int");
    assertThat(s.column("country").id()).isEqualTo(3);
    assertThat(s.column("score").id()).isEqualTo(4);
    assertThat(t.refresh().metadata().schemaId()).isEqualTo(1);
    assertThat(rows(t)).containsExactly(
        "id=1L, name=a, country=null, score=null",
        "id=2L, name=b, country=null, score=null",
        "id=3L, name=c, country=NL, score=7",
        "id=4L, name=d, country=null, score=null");
    assertThat(rows(t, 1)).containsExactly("id=1L, name=a");
    HistoryEntry h = t.history().get(2);
    assertThat(h.operation()).isEqualTo("WRITE");
    assertThat(h.parameters()).containsEntry("mergeSchema", "true").containsEntry("addedColumns",
        "country string, score int");
    assertThat(h.blindAppend()).isFalse();
  }

  @Test
  void narrowerNumericValuesArePromotedAndNestedFieldsMerged() {
    Schema nested = SchemaDdl.parse("id long not null, pt struct<x: double>");
    Table t = Tables.create(dir.resolve("n").toString(), nested);
    Schema in = SchemaDdl.parse("id int not null, pt struct<x: double, y: double>, tag string");
    StructType pt = (StructType) in.column("pt").type();
    try (AppendWriter w = t.newAppend().mergeSchema(true)) {
      w.write(Record.of(in, 5, Record.of(pt, 1.0, 2.0), "t"));
      w.commit();
    }
    assertThat(SchemaDdl.format(t.schema())).isEqualTo("id long not null, pt struct<x: double, y: double>, tag string");
    assertThat(rows(t)).containsExactly("id=5L, pt={x=1.0, y=2.0}, tag=t");
  }

  @Test
  void withoutMergeAWiderRecordFailsNamingTheColumn() {
    Table t = table();
    try (AppendWriter w = t.newAppend()) {
      assertThatThrownBy(() -> w.write(Record.of(WIDER, 3L, "c", "NL", 7)))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("'country'").hasMessageContaining("mergeSchema")
          .satisfies(e -> assertThat(((SchemaMismatchException) e).field()).isEqualTo("country"));
    }
    Schema wrongType = SchemaDdl.parse("id long not null, name int");
    try (AppendWriter w = t.newAppend()) {
      assertThatThrownBy(() -> w.write(Record.of(wrongType, 3L, 5)))
          .isInstanceOf(SchemaMismatchException.class)
          .satisfies(e -> {
            SchemaMismatchException m = (SchemaMismatchException) e;
            assertThat(m.field()).isEqualTo("name");
            assertThat(m.expected()).isEqualTo("string");
            assertThat(m.found()).contains("int");
          });
    }
    assertThat(t.refresh().version()).isEqualTo(1);
    assertThat(t.schema()).isEqualTo(SCHEMA);
  }

  @Test
  void mergeRefusesChangingATypeAndCommitsNothing() {
    Table t = table();
    Schema wrongType = SchemaDdl.parse("id long not null, name int, extra string");
    try (AppendWriter w = t.newAppend().mergeSchema(true)) {
      assertThatThrownBy(() -> w.write(Record.of(wrongType, 3L, 5, "x")))
          .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'name'")
          .hasMessageContaining("string");
    }
    assertThat(t.refresh().version()).isEqualTo(1);
    assertThat(t.schema()).isEqualTo(SCHEMA);
  }
}

package io.tidemark.core.internal.evolve;

import static io.tidemark.core.internal.evolve.EvolveFixtures.append;
import static io.tidemark.core.internal.evolve.EvolveFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.DataFile;
import io.tidemark.core.EvolutionResult;
import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partition evolution: new spec ids, kept field ids, files keep their spec. */
class PartitionEvolutionTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, ts timestamp, cat string");
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir
  Path dir;

  private static Record row(long id, int day, String cat) {
    return Record.of(SCHEMA, id, T0.plusSeconds(86_400L * day), cat);
  }

  @Test
  void evolvedSpecsKeepIdsAndOldFilesKeepTheirSpec() {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).day("ts").build(),
        Map.of());
    append(t, row(1, 0, "a"), row(2, 1, "b"));
    EvolutionResult r = t.updateSpec().addField("id", Transforms.bucket(4)).commit();
    TableMetadata m = r.metadata();
    assertThat(m.defaultSpecId()).isEqualTo(1);
    assertThat(m.defaultSpec().fields()).extracting(PartitionField::name, PartitionField::fieldId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ts_day", 1000),
            org.assertj.core.groups.Tuple.tuple("id_bucket", 1001));
    assertThat(m.lastPartitionId()).isEqualTo(1001);
    assertThat(m.schemaId()).isZero();
    append(t, row(3, 0, "c"), row(4, 2, "d"));
    t.updateSpec().removeField("ts_day").addField("cat", Transforms.identity()).commit();
    TableMetadata m3 = t.refresh().metadata();
    assertThat(m3.defaultSpecId()).isEqualTo(2);
    assertThat(m3.defaultSpec().format(SCHEMA)).isEqualTo("bucket(4, id), identity(cat)");
    assertThat(m3.defaultSpec().fields().get(0).fieldId()).isEqualTo(1001);
    assertThat(m3.defaultSpec().fields().get(1).fieldId()).isEqualTo(1002);
    append(t, row(5, 1, "a"));
    TreeSet<Integer> specIds = new TreeSet<>();
    for (DataFile f : t.refresh().dataFiles()) {
      specIds.add(f.specId());
    }
    assertThat(specIds).containsExactly(0, 1, 2);
    List<String> all = List.of(
        "id=1L, ts=2024-05-01T10:00:00Z, cat=a", "id=2L, ts=2024-05-02T10:00:00Z, cat=b",
        "id=3L, ts=2024-05-01T10:00:00Z, cat=c", "id=4L, ts=2024-05-03T10:00:00Z, cat=d",
        "id=5L, ts=2024-05-02T10:00:00Z, cat=a");
    assertThat(rows(t)).containsExactlyElementsOf(all);
    assertThat(rows(t, 1)).containsExactlyElementsOf(all.subList(0, 2));
    assertThat(rows(t, 2)).containsExactlyElementsOf(all.subList(0, 2));
    assertThat(rows(t, 3)).containsExactlyElementsOf(all.subList(0, 4));
    assertThat(rows(t, 4)).containsExactlyElementsOf(all.subList(0, 4));
    assertThat(rows(t.newScan().filter(Expressions.equal("cat", "a")).select("id"))).containsExactly("id=1L", "id=5L");
    assertThat(rows(t.newScan().filter("ts >= '2024-05-02T00:00:00Z' and ts < '2024-05-03T00:00:00Z'").select("id")))
        .containsExactly("id=2L", "id=5L");
    // the day filter prunes the files of spec 0 and 1 by partition; cat = 'zzz' prunes spec 2's by partition
    assertThat(t.newScan().filter("ts > '2024-06-01T00:00:00Z'").plan().files()).isEmpty();
    // replacing keeps the id of an unchanged field and brings back the day field under a new id
    t.updateSpec().replaceWith("bucket(4, id), day(ts)").commit();
    TableMetadata m4 = t.refresh().metadata();
    assertThat(m4.defaultSpec().fields()).extracting(PartitionField::fieldId).containsExactly(1001, 1003);
    assertThat(m4.defaultSpecId()).isEqualTo(3);
    assertThat(t.history().get(t.history().size() - 1).operation()).isEqualTo("SET PARTITION SPEC");
  }

  @Test
  void unpartitionedThenPartitionedThenUnpartitionedAgainReusesSpecZero() {
    Table t = Tables.create(dir.resolve("u").toString(), SCHEMA);
    append(t, row(1, 0, "a"));
    t.updateSpec().addField("cat", Transforms.identity()).commit();
    append(t, row(2, 0, "b"));
    t.updateSpec().replaceWith("").commit();
    assertThat(t.refresh().metadata().defaultSpecId()).isZero();
    assertThat(t.refresh().metadata().partitionSpecs()).hasSize(2);
    append(t, row(3, 0, "a"));
    assertThat(rows(t.newScan().filter("cat = 'a'").select("id"))).containsExactly("id=1L", "id=3L");
  }

  @Test
  void refusalsLeaveTheVersionUnchanged() {
    Table t = Tables.create(dir.resolve("r").toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).day("ts").build(),
        Map.of());
    append(t, row(1, 0, "a"));
    long v = t.refresh().version();
    assertThatThrownBy(() -> t.updateSpec().removeField("nope").commit()).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'nope'");
    assertThatThrownBy(() -> t.updateSpec().addField("missing", Transforms.identity()).commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'missing'");
    assertThatThrownBy(() -> t.updateSpec().addField("ts", Transforms.hour()).commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'ts'");
    assertThatThrownBy(() -> t.updateSpec().addField("cat", Transforms.bucket(2), "id").commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'id'");
    assertThatThrownBy(() -> t.updateSpec().replaceWith("day(ts)").commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("changes nothing");
    // a column a spec in use sources cannot be dropped
    assertThatThrownBy(() -> t.updateSchema().dropColumn("ts").commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("ts_day");
    assertThat(t.refresh().version()).isEqualTo(v);
    // once no live file and not the current spec uses it, it can
    t.updateSpec().removeField("ts_day").commit();
    assertThatThrownBy(() -> t.updateSchema().dropColumn("ts").commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("used by live files");
  }
}

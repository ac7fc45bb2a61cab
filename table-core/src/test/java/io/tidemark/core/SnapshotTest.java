package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
  @TempDir
  Path dir;

  @Test
  void aSnapshotDescribesTheTableAndItsFilesInThePublicModel() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).bucket("id", 2).build();
    Table table = Tables.create(dir.resolve("t").toString(), SCHEMA, spec, Map.of("user.owner", "ops"));
    append(table, rows(0, 10));
    table.updateSchema().renameColumn("name", "label").commit();

    Snapshot first = table.snapshot(1);
    Snapshot latest = table.refresh();
    assertThat(latest.metadata().tableId()).isEqualTo(first.metadata().tableId()).isNotBlank();
    assertThat(latest.metadata().createdAt()).isEqualTo(first.metadata().createdAt())
        .isBeforeOrEqualTo(first.timestamp());
    assertThat(first.schema()).isEqualTo(SCHEMA);
    assertThat(latest.schema().column("label").id()).isEqualTo(SCHEMA.column("name").id());
    assertThat(latest.metadata().schemaId()).isEqualTo(first.metadata().schemaId() + 1);
    assertThat(latest.metadata().defaultSpec().fields()).isEqualTo(spec.fields());
    assertThat(latest.metadata().spec(latest.metadata().defaultSpecId())).isEqualTo(latest.metadata().defaultSpec());
    assertThat(latest.properties()).isEqualTo(Map.of("user.owner", "ops"));

    assertThat(latest.dataFiles()).hasSize(2).allSatisfy(f -> {
      assertThat(f.specId()).isEqualTo(latest.metadata().defaultSpecId());
      assertThat(f.partitionValues()).containsOnlyKeys("id_bucket");
      assertThat(f.columnStatistics()).containsKey(SCHEMA.column("id").id());
    });
    assertThat(latest.dataFiles().stream().mapToLong(DataFile::recordCount).sum()).isEqualTo(latest.recordCount())
        .isEqualTo(10);
    assertThat(table.newScan().plan().files()).containsExactlyInAnyOrderElementsOf(latest.dataFiles());
  }
}

package io.tidemark.spec.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.Samples;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, ts timestamp");

  private static Metadata metadata(List<PartitionSpec> specs, int defaultSpecId, int lastColumnId) {
    return new Metadata(Samples.TABLE_ID, 0, SCHEMA, lastColumnId, specs, defaultSpecId, 999, Map.of(), 1L);
  }

  @Test
  void rejectsADefaultSpecIdNotAmongTheSpecs() {
    assertThatThrownBy(() -> metadata(List.of(PartitionSpec.unpartitioned()), 3, 2))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("default partition spec 3 is not among the specs");
  }

  @Test
  void rejectsAnEmptySpecList() {
    assertThatThrownBy(() -> metadata(List.of(), 0, 2))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("default partition spec 0");
  }

  @Test
  void rejectsALastColumnIdBelowTheSchemasHighestId() {
    assertThatThrownBy(() -> metadata(List.of(PartitionSpec.unpartitioned()), 0, 1))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("lastColumnId 1 is lower than the schema's highest field id 2");
  }

  @Test
  void acceptsALastColumnIdAboveTheSchemasHighestIdAfterADrop() {
    Metadata m = metadata(List.of(PartitionSpec.unpartitioned()), 0, 10);

    assertThat(m.lastColumnId()).isEqualTo(10);
  }

  @Test
  void defaultSpecAndSpecLookUpById() {
    PartitionSpec byDay = new PartitionSpec(1, List.of(new PartitionField(2, 1000, "ts_day", Transforms.day())));
    Metadata m = metadata(List.of(PartitionSpec.unpartitioned(), byDay), 1, 2);

    assertThat(m.defaultSpec()).isEqualTo(byDay);
    assertThat(m.spec(0)).isEqualTo(PartitionSpec.unpartitioned());
    assertThat(m.spec(7)).isNull();
  }

  @Test
  void propertyFallsBackToTheDefaultAndPropertiesAreSortedAndImmutable() {
    Map<String, String> props = new HashMap<>();
    props.put("write.target-file-size-bytes", "1048576");
    props.put("commit.retry.max-attempts", "5");
    Metadata m = new Metadata(Samples.TABLE_ID, 0, SCHEMA, 2, List.of(PartitionSpec.unpartitioned()), 0, 999,
        props, 1L);
    props.put("later", "x");

    assertThat(m.property("commit.retry.max-attempts", "50")).isEqualTo("5");
    assertThat(m.property("write.parquet.compression", "snappy")).isEqualTo("snappy");
    assertThat(m.properties().keySet()).containsExactly("commit.retry.max-attempts", "write.target-file-size-bytes");
    assertThatThrownBy(() -> m.properties().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
  }
}

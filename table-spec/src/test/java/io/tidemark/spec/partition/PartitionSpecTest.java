package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {
  @Test
  void unpartitionedIsSpecZeroWithoutFields() {
    PartitionSpec spec = PartitionSpec.unpartitioned();

    assertThat(spec.specId()).isZero();
    assertThat(spec.fields()).isEmpty();
    assertThat(spec.isUnpartitioned()).isTrue();
  }

  @Test
  void specCopiesItsFields() {
    List<PartitionField> fields = new ArrayList<>();
    fields.add(new PartitionField(1, 1000, "id_bucket", "bucket[16]"));
    PartitionSpec spec = new PartitionSpec(1, fields);
    fields.clear();

    assertThat(spec.fields()).hasSize(1);
    assertThat(spec.isUnpartitioned()).isFalse();
  }

  @Test
  void partitionFieldRequiresANameAndATransform() {
    assertThatThrownBy(() -> new PartitionField(1, 1000, " ", "identity"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field name must not be empty");
    assertThatThrownBy(() -> new PartitionField(1, 1000, "p", ""))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'p' has no transform");
  }
}

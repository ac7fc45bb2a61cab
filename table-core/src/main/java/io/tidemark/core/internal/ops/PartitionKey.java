package io.tidemark.core.internal.ops;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.PartitionValues;
import java.util.Arrays;
import java.util.List;

/**
 * A partition: a spec id and the partition values as Java values (so that equal partitions
 * compare equal whatever JSON number form their add actions used).
 */
record PartitionKey(int specId, List<Object> values) {
  /** The partition of a data file. */
  static PartitionKey of(AddFile file, Metadata metadata) {
    PartitionSpec spec = metadata.spec(file.specId());
    if (spec == null || spec.isUnpartitioned()) {
      return new PartitionKey(file.specId(), List.of());
    }
    try {
      return new PartitionKey(file.specId(),
          Arrays.asList(PartitionValues.fromJson(spec, metadata.schema(), file.partitionValues())));
    } catch (InvalidArgumentException e) {
      // a spec the current schema cannot decode (its source was dropped): its JSON values still identify it
      return new PartitionKey(file.specId(), List.of(file.partitionValues()));
    }
  }
}

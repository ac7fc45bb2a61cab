package io.tidemark.spec.partition;

import java.util.List;

/**
 * How a table's rows are grouped into files: a list of partition fields. Each data file records
 * the id of the spec it was written with.
 *
 * @param specId the spec's id, unique within the table
 * @param fields the partition fields; empty for an unpartitioned table
 */
public record PartitionSpec(int specId, List<PartitionField> fields) {
  private static final PartitionSpec UNPARTITIONED = new PartitionSpec(0, List.of());

  /** Copies the list. */
  public PartitionSpec {
    fields = List.copyOf(fields);
  }

  /** The spec with no fields, id 0. */
  public static PartitionSpec unpartitioned() {
    return UNPARTITIONED;
  }

  /** True when the spec has no fields. */
  public boolean isUnpartitioned() {
    return fields.isEmpty();
  }
}

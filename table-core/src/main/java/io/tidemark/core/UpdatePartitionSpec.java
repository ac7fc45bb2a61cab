package io.tidemark.core;

import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transform;

/**
 * A pending partition spec change: the fields of the default spec are changed and committed as a
 * new spec (next spec id) that becomes the default; files written before keep their spec.
 * Unchanged fields keep their partition field ids; new ones get ids after the table's
 * {@code lastPartitionId}. Operation {@code SET PARTITION SPEC}.
 *
 * <pre>{@code
 * table.updateSpec().addField("id", Transforms.bucket(8)).removeField("ts_day").commit();
 * table.updateSpec().replaceWith("month(ts)").commit();
 * }</pre>
 */
public interface UpdatePartitionSpec {
  /** Adds a field: this transform of this column, named by default. */
  UpdatePartitionSpec addField(String column, Transform transform);

  /** Adds a field under a name. */
  UpdatePartitionSpec addField(String column, Transform transform, String name);

  /** Removes the default spec's field with this name. */
  UpdatePartitionSpec removeField(String name);

  /**
   * Replaces the whole spec by this short form (e.g. {@code "day(ts), bucket(16, id)"}; blank is
   * unpartitioned). Fields equal to a current one (same source, transform and name) keep its id.
   */
  UpdatePartitionSpec replaceWith(String shortForm);

  /**
   * The spec the changes give, without committing.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when a change is refused
   */
  PartitionSpec apply();

  /**
   * Commits the new spec as the default one.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when a change is refused or nothing
   *     would change
   */
  EvolutionResult commit();
}

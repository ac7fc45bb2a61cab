package io.tidemark.core.internal.plan;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.expr.BoundsEvaluator;
import io.tidemark.core.internal.expr.FieldBounds;
import io.tidemark.core.internal.expr.Projections;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.PartitionValues;
import io.tidemark.spec.types.Schema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, as the planner does, whether a data file may hold rows matching a filter: by its
 * partition values (the filter projected through its spec's transforms) and its column
 * statistics. Conservative: false only when the file provably has no matching row. Used to check
 * files a concurrent commit added against a serializable transaction's predicate. Thread-safe.
 */
public final class FileMatcher {
  private final Metadata metadata;
  private final Schema schema;
  private final Expression bound;
  private final BoundsEvaluator columns;
  private final Map<Integer, RowEvaluator> partitions = new ConcurrentHashMap<>();

  /**
   * @param metadata the table metadata whose schema and specs the files use
   * @param bound a filter bound to {@code metadata.schema()}
   */
  public FileMatcher(Metadata metadata, Expression bound) {
    this.metadata = metadata;
    this.schema = metadata.schema();
    this.bound = bound;
    this.columns = new BoundsEvaluator(bound);
  }

  /** False only when no row of the file can match. */
  public boolean mightMatch(AddFile file) {
    PartitionSpec spec = metadata.spec(file.specId());
    if (spec != null && !spec.isUnpartitioned()) {
      RowEvaluator partition = partitions.computeIfAbsent(spec.specId(),
          id -> new RowEvaluator(Projections.project(bound, spec, schema)));
      Object[] values = PartitionValues.fromJson(spec, schema, file.partitionValues());
      if (!partition.matches(Record.trusted(spec.partitionType(schema), values))) {
        return false;
      }
    }
    return columns.mightMatch(FieldBounds.of(file, schema));
  }
}

package io.tidemark.core.internal.plan;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.checkpoint.UnreadableManifestException;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.BoundsEvaluator;
import io.tidemark.core.internal.expr.FieldBounds;
import io.tidemark.core.internal.expr.Projections;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.PartitionValues;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a scan of a snapshot in two pruning stages: manifests by the partition and column bounds
 * their manifest-list entries record, then files by partition values (the filter projected
 * through each spec's transforms) and column statistics. Pruning is conservative: a pruned
 * manifest or file provably holds no matching row. Row groups are pruned when files are read.
 */
public final class Planner {
  private final TableState state;
  private final Schema schema;
  private final Expression bound;
  private final BoundsEvaluator columns;
  private final Map<Integer, SpecFilter> specs = new HashMap<>();

  /**
   * @param filter an unbound filter over the snapshot's schema, or null for all rows
   * @throws io.tidemark.spec.error.InvalidArgumentException when the filter names an unknown
   *     column or has a literal of the wrong type
   */
  public Planner(TableState state, Expression filter) {
    this.state = state;
    this.schema = state.metadata().schema();
    this.bound = Binder.bind(schema, filter == null ? Expressions.alwaysTrue() : filter);
    this.columns = new BoundsEvaluator(bound);
  }

  /** The filter bound to the snapshot's schema (for the residual and row-group filters). */
  public Expression boundFilter() {
    return bound;
  }

  /**
   * Plans the scan. When a manifest of the snapshot's checkpoint cannot be read, plans again over
   * the same version loaded without that checkpoint: never from part of a checkpoint's files.
   *
   * @throws io.tidemark.spec.error.CorruptLogException when a remove after the snapshot's
   *     checkpoint names no live file (checked before any file is listed, see
   *     {@link TableState#checkRemoves()})
   */
  public PlannedFiles plan() {
    long start = System.nanoTime();
    TableState source = state;
    while (true) {
      try {
        source.checkRemoves();
        return plan(source, start);
      } catch (UnreadableManifestException e) {
        source = source.withoutCheckpoint(e);
      }
    }
  }

  private PlannedFiles plan(TableState source, long start) {
    List<AddFile> matched = new ArrayList<>();
    long manifestsRead = 0;
    for (ManifestEntry manifest : source.baseManifests()) {
      if (!mightMatch(manifest)) {
        continue;
      }
      manifestsRead++;
      for (AddFile file : source.liveFilesOf(manifest)) {
        if (mightMatch(file)) {
          matched.add(file);
        }
      }
    }
    for (AddFile file : source.tailAdds().values()) {
      if (mightMatch(file)) {
        matched.add(file);
      }
    }
    long bytes = matched.stream().mapToLong(AddFile::size).sum();
    return new PlannedFiles(matched, source.baseManifests().size(), manifestsRead, source.fileCount(), bytes,
        System.nanoTime() - start);
  }

  private boolean mightMatch(ManifestEntry manifest) {
    if (!columns.mightMatch(new ManifestBounds(manifest.recordCount(), manifest.columnBounds(),
        schema.asStruct(), true))) {
      return false;
    }
    SpecFilter spec = spec(manifest.specId());
    return spec == null || spec.manifests.mightMatch(new ManifestBounds(manifest.fileCount(),
        manifest.partitionBounds(), spec.partitionType, false));
  }

  private boolean mightMatch(AddFile file) {
    SpecFilter spec = spec(file.specId());
    if (spec != null) {
      Object[] values = PartitionValues.fromJson(spec.spec, schema, file.partitionValues());
      if (!spec.files.matches(Record.trusted(spec.partitionType, values))) {
        return false;
      }
    }
    return columns.mightMatch(FieldBounds.of(file, schema));
  }

  /** The partition filters of a spec, or null when the spec has no fields (nothing to prune by). */
  private SpecFilter spec(int specId) {
    return specs.computeIfAbsent(specId, id -> {
      Metadata metadata = state.metadata();
      PartitionSpec spec = metadata.spec(id);
      if (spec == null || spec.isUnpartitioned()) {
        return null;
      }
      Expression projected = Projections.project(bound, spec, schema);
      return new SpecFilter(spec, spec.partitionType(schema), new RowEvaluator(projected),
          new BoundsEvaluator(projected));
    });
  }

  private record SpecFilter(PartitionSpec spec, StructType partitionType, RowEvaluator files,
      BoundsEvaluator manifests) {
  }
}

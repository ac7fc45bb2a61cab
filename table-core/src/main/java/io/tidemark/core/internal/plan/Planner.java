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
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

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
  private final Map<Integer, NestedField> schemaFields;
  /** No filter: every file matches, and nothing need be decoded to say so. */
  private final boolean matchesAll;

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
    this.schemaFields = ManifestBounds.index(schema.asStruct(), true);
    this.matchesAll = bound.equals(Expressions.alwaysTrue());
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
    Matches matches = new Matches(source, true);
    while (matches.hasNext()) {
      matched.add(matches.next());
    }
    long bytes = 0;
    for (AddFile f : matched) {
      bytes += f.size();
    }
    return new PlannedFiles(matched, source.baseManifests().size(), matches.manifestsRead, source.fileCount(), bytes,
        System.nanoTime() - start);
  }

  /**
   * The matching files one at a time, in the order of {@link #plan()}, reading one manifest at a
   * time and keeping none it did not find cached: a plan of millions of files holds one manifest's
   * files, not all of them. When a manifest turns out unreadable part-way, the rest comes from the
   * same version loaded without that checkpoint, leaving out the files of the manifests already
   * read (they were returned): never part of a checkpoint's files.
   *
   * @throws io.tidemark.spec.error.CorruptLogException as {@link #plan()}, when first asked
   */
  public Iterator<AddFile> stream() {
    return new Lookahead<>() {
      private TableState source = state;
      private Matches matches;
      /** Manifests of the current source read completely, whose files were all returned. */
      private final List<ManifestEntry> done = new ArrayList<>();
      private Set<String> returned = Set.of();

      @Override
      AddFile find() {
        while (true) {
          try {
            if (matches == null) {
              source.checkRemoves();
              matches = new Matches(source, false);
            }
            AddFile f;
            do {
              ManifestEntry before = matches.current;
              f = matches.find();
              if (before != null && matches.current != before) {
                done.add(before);
              }
            } while (f != null && returned.contains(f.path()));
            return f;
          } catch (UnreadableManifestException e) {
            returned = alreadyReturned();
            source = source.withoutCheckpoint(e);
            matches = null;
            done.clear();
          }
        }
      }

      /** The paths of the files returned so far: the manifests read whole, then the one part-read. */
      private Set<String> alreadyReturned() {
        Set<String> paths = new HashSet<>(returned);
        List<ManifestEntry> read = new ArrayList<>(done);
        if (matches != null && matches.current != null) {
          read.add(matches.current); // files of it returned before the failure: all of them may be
        }
        for (ManifestEntry m : read) {
          for (AddFile f : source.liveFilesOf(m)) {
            paths.add(f.path());
          }
        }
        return paths;
      }
    };
  }

  /** An iterator that looks one element ahead: {@link #find()} gives the next one, or null at the end. */
  private abstract static class Lookahead<T> implements Iterator<T> {
    private T next;

    abstract T find();

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = find();
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T found = next;
      next = null;
      return found;
    }
  }

  /**
   * The matching files of one source: each base manifest whose bounds may match, file by file,
   * then the files added after the base.
   */
  private final class Matches extends Lookahead<AddFile> {
    private final TableState source;
    private final boolean cache;
    private final Iterator<ManifestEntry> manifests;
    private final Iterator<AddFile> tail;
    private Iterator<AddFile> files = Collections.emptyIterator();
    /** The manifest read last, until the tail is reached. */
    private ManifestEntry current;
    long manifestsRead;

    Matches(TableState source, boolean cache) {
      this.source = source;
      this.cache = cache;
      this.manifests = source.baseManifests().iterator();
      this.tail = source.tailAdds().values().iterator();
    }

    @Override
    AddFile find() {
      while (true) {
        if (files.hasNext()) {
          AddFile f = files.next();
          if (mightMatch(f)) {
            return f;
          }
        } else if (manifests.hasNext()) {
          ManifestEntry m = manifests.next();
          if (mightMatch(m)) {
            manifestsRead++;
            files = (cache ? source.liveFilesOf(m) : source.liveFilesOfUncached(m)).iterator();
            current = m; // only once read: a stream that falls back reads the current manifest again
          }
        } else {
          current = null;
          if (!tail.hasNext()) {
            return null;
          }
          AddFile f = tail.next();
          if (mightMatch(f)) {
            return f;
          }
        }
      }
    }
  }

  private boolean mightMatch(ManifestEntry manifest) {
    if (matchesAll) {
      return true;
    }
    SpecFilter spec = spec(manifest.specId());
    // partition bounds first: they are the cheaper and usually the deciding ones
    if (spec != null && !spec.manifests.mightMatch(new ManifestBounds(manifest.fileCount(),
        manifest.partitionBounds(), spec.partitionFields))) {
      return false;
    }
    return columns.mightMatch(new ManifestBounds(manifest.recordCount(), manifest.columnBounds(), schemaFields));
  }

  private boolean mightMatch(AddFile file) {
    if (matchesAll) {
      return true;
    }
    SpecFilter spec = spec(file.specId());
    if (spec != null && !spec.partitionMightMatch(file.partitionValues())) {
      return false;
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
      StructType partitionType = spec.partitionType(schema);
      return new SpecFilter(spec, partitionType, ManifestBounds.index(partitionType, false),
          new RowEvaluator(projected), new BoundsEvaluator(projected));
    });
  }

  /** A spec's partition filters, and what they decided for the partitions seen so far. */
  private final class SpecFilter {
    /** Distinct partitions remembered per plan: files of one partition are many, and listed together. */
    private static final int REMEMBERED = 4_096;
    private final PartitionSpec spec;
    private final StructType partitionType;
    private final Map<Integer, NestedField> partitionFields;
    private final RowEvaluator files;
    private final BoundsEvaluator manifests;
    private final Map<Map<String, Object>, Boolean> decided = new HashMap<>();

    SpecFilter(PartitionSpec spec, StructType partitionType, Map<Integer, NestedField> partitionFields,
        RowEvaluator files, BoundsEvaluator manifests) {
      this.spec = spec;
      this.partitionType = partitionType;
      this.partitionFields = partitionFields;
      this.files = files;
      this.manifests = manifests;
    }

    boolean partitionMightMatch(Map<String, Object> partitionValues) {
      Boolean known = decided.get(partitionValues);
      if (known != null) {
        return known;
      }
      Object[] values = PartitionValues.fromJson(spec, schema, partitionValues);
      boolean matches = files.matches(Record.trusted(partitionType, values));
      if (decided.size() < REMEMBERED) {
        decided.put(partitionValues, matches);
      }
      return matches;
    }
  }
}

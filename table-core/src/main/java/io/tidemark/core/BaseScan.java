package io.tidemark.core;

import io.tidemark.core.ScanRecords.FilePart;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.ops.FileExistence;
import io.tidemark.core.internal.parquet.DataFileReader;
import io.tidemark.core.internal.parquet.ReadMetrics;
import io.tidemark.core.internal.plan.PlannedFiles;
import io.tidemark.core.internal.plan.Planner;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.json.SchemaJson;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** An immutable scan description; resolves its snapshot lazily, plans, then reads files one after another. */
final class BaseScan implements Scan {
  private static final Schema NO_COLUMNS = new Schema(List.of());
  /** Splits files larger than 128 MiB by default. */
  private static final long DEFAULT_SPLIT_SIZE = 128L << 20;
  /** What opening a file costs a task group, in bytes: small files fill a group sooner than their size says. */
  private static final long OPEN_FILE_COST = 4L << 20;

  private final BaseTable table;
  private final ScanOptions options;
  private TableState resolved;

  BaseScan(BaseTable table, ScanOptions options) {
    this.table = table;
    this.options = options;
  }

  @Override
  public Scan select(String... names) {
    return select(List.of(names));
  }

  @Override
  public Scan select(List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidArgumentException("select at least one column");
    }
    return new BaseScan(table, options.withColumns(names));
  }

  @Override
  public Scan filter(Expression filter) {
    return new BaseScan(table, options.withFilter(filter));
  }

  @Override
  public Scan filter(String filter) {
    return filter(Expressions.parse(filter));
  }

  @Override
  public Scan asOfVersion(long v) {
    return new BaseScan(table, options.atVersion(v));
  }

  @Override
  public Scan asOfTimestamp(Instant t) {
    return new BaseScan(table, options.atTimestamp(t));
  }

  @Override
  public Scan parallelism(int threads) {
    if (threads < 1) {
      throw new InvalidArgumentException("parallelism must be at least 1 thread, was " + threads);
    }
    return new BaseScan(table, options.withThreads(threads));
  }

  private synchronized TableState state() {
    if (resolved == null) {
      if (options.version() != null) {
        resolved = table.stateAt(options.version());
      } else if (options.timestamp() != null) {
        resolved = table.stateAsOf(options.timestamp());
      } else {
        resolved = table.latestState();
      }
    }
    return resolved;
  }

  @Override
  public Snapshot snapshot() {
    return new SnapshotView(state());
  }

  @Override
  public Schema schema() {
    Schema full = state().metadata().schema();
    return options.columns() == null ? full : full.select(options.columns());
  }

  @Override
  public ScanPlan plan() {
    Planner planner = new Planner(state(), options.filter());
    PlannedFiles planned = planner.plan();
    return new ScanPlan(state().version(), described(planned.files(), state().metadata()), new PlanMetrics(planned.manifestsTotal(),
        planned.manifestsRead(), planned.filesTotal(), planned.files().size(), null, null, planned.bytesToRead(),
        planned.planningNanos() / 1e6));
  }

  @Override
  public ScanPlan planRowGroups() {
    long start = System.nanoTime();
    Planner planner = new Planner(state(), options.filter());
    PlannedFiles planned = planner.plan();
    ReadMetrics metrics = new ReadMetrics();
    for (AddFile file : planned.files()) {
      try (CloseableIterator<Record> footerOnly = DataFileReader.open(input(file), NO_COLUMNS,
          planner.boundFilter(), metrics)) {
        // opening reads the footer and prunes row groups; nothing to read
      }
    }
    return new ScanPlan(state().version(), described(planned.files(), state().metadata()), new PlanMetrics(planned.manifestsTotal(),
        planned.manifestsRead(), planned.filesTotal(), planned.files().size(), metrics.rowGroupsTotal(),
        metrics.rowGroupsRead(), metrics.bytesRead(), (System.nanoTime() - start) / 1e6));
  }

  @Override
  public Iterable<DataFile> files() {
    TableState state = state();
    Planner planner = new Planner(state, options.filter());
    return () -> {
      Iterator<AddFile> files = planner.stream();
      Function<AddFile, DataFile> describe = DataFile.describer(state.metadata());
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return files.hasNext();
        }

        @Override
        public DataFile next() {
          return describe.apply(files.next());
        }
      };
    };
  }

  private static List<DataFile> described(List<AddFile> files, Metadata metadata) {
    List<DataFile> out = new ArrayList<>(files.size());
    Function<AddFile, DataFile> describe = DataFile.describer(metadata);
    for (AddFile f : files) {
      out.add(describe.apply(f));
    }
    return out;
  }

  @Override
  public List<String> missingFiles() {
    List<String> paths = new ArrayList<>();
    for (AddFile file : new Planner(state(), options.filter()).plan().files()) {
      paths.add(file.path());
      if (file.deletionVector() != null && !file.deletionVector().isInline()) {
        paths.add(file.deletionVector().path()); // a read needs it as much as the data file
      }
    }
    return FileExistence.missing(table, paths);
  }

  private io.tidemark.core.io.InputFile input(AddFile file) {
    return table.locations().inputFile(file.path());
  }

  @Override
  public ScanReader records() {
    Planned p = planFiles();
    List<FilePart> parts = new ArrayList<>(p.files().size());
    for (AddFile file : p.files()) {
      parts.add(new FilePart(file.path(), 0, -1, file.deletionVector(), file.recordCount()));
    }
    return new ScanRecords(parts, table.locations()::inputFile, state().metadata().schema(), schema(), p.filter(),
        p.filter() == null ? Set.of() : Binder.referencedFieldIds(p.filter()), state().version(), options.threads());
  }

  @Override
  public List<ScanTask> planTasks() {
    return planTasks(DEFAULT_SPLIT_SIZE);
  }

  @Override
  public List<ScanTask> planTasks(long splitSizeBytes) {
    if (splitSizeBytes <= 0) {
      throw new InvalidArgumentException("split size must be positive, was " + splitSizeBytes);
    }
    Planned p = planFiles();
    TableState state = state();
    String tableSchema = SchemaJson.toJson(state.metadata().schema());
    String output = SchemaJson.toJson(schema());
    String filter = p.filter() == null ? null : p.filter().toString();
    List<ScanTask> tasks = new ArrayList<>();
    for (AddFile file : p.files()) {
      long size = file.size();
      for (long start = 0; start == 0 || start < size; start += splitSizeBytes) {
        long length = size <= splitSizeBytes ? size : Math.min(splitSizeBytes, size - start);
        tasks.add(new ScanTask(table.location(), state.version(), file.path(), size, file.recordCount(), start,
            length, tableSchema, output, filter, file.deletionVector()));
      }
    }
    return tasks;
  }

  @Override
  public List<ScanTaskGroup> planTaskGroups(long targetSizeBytes) {
    List<ScanTaskGroup> groups = new ArrayList<>();
    List<ScanTask> current = new ArrayList<>();
    long weight = 0;
    for (ScanTask task : planTasks(targetSizeBytes)) {
      long w = Math.max(task.length(), OPEN_FILE_COST);
      if (!current.isEmpty() && weight + w > targetSizeBytes) {
        groups.add(new ScanTaskGroup(current));
        current = new ArrayList<>();
        weight = 0;
      }
      current.add(task);
      weight += w;
    }
    if (!current.isEmpty()) {
      groups.add(new ScanTaskGroup(current));
    }
    return groups;
  }

  /** The planned files and the bound filter (null when every row matches). */
  private Planned planFiles() {
    Planner planner = new Planner(state(), options.filter());
    PlannedFiles planned = planner.plan();
    Expression bound = planner.boundFilter();
    boolean filtered = options.filter() != null && !bound.equals(Expressions.alwaysTrue());
    return new Planned(planned.files(), filtered ? bound : null);
  }

  /**
   * Planned files and the filter their rows must pass. Every row of a filtered scan is checked
   * against the filter, even in a file whose partition values or statistics in the log say that
   * all its rows match: a damaged log must make a scan return fewer rows, never rows that do not
   * match. Only the statistics in the data file's own footer may spare the check
   * ({@code DataFileReader.openMatching}).
   */
  private record Planned(List<AddFile> files, Expression filter) {}
}

package io.tidemark.core;

import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Binder;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.ops.FileExistence;
import io.tidemark.core.parquet.DataFileReader;
import io.tidemark.core.parquet.ReadMetrics;
import io.tidemark.core.plan.PlannedFiles;
import io.tidemark.core.plan.Planner;
import io.tidemark.core.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.List;

/** An immutable scan description; resolves its snapshot lazily, plans, then reads files one after another. */
final class BaseScan implements Scan {
  private static final Schema NO_COLUMNS = new Schema(List.of());

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
    return new ScanPlan(state().version(), planned.files(), new PlanMetrics(planned.manifestsTotal(),
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
    return new ScanPlan(state().version(), planned.files(), new PlanMetrics(planned.manifestsTotal(),
        planned.manifestsRead(), planned.filesTotal(), planned.files().size(), metrics.rowGroupsTotal(),
        metrics.rowGroupsRead(), metrics.bytesRead(), (System.nanoTime() - start) / 1e6));
  }

  @Override
  public List<String> missingFiles() {
    return FileExistence.missing(table, plan().files().stream().map(AddFile::path).toList());
  }

  private io.tidemark.core.io.InputFile input(AddFile file) {
    return table.io().newInputFile(table.location() + "/" + file.path());
  }

  @Override
  public CloseableIterable<Record> records() {
    Schema output = schema();
    Planner planner = new Planner(state(), options.filter());
    PlannedFiles planned = planner.plan();
    Expression bound = planner.boundFilter();
    boolean filtered = options.filter() != null && !bound.equals(Expressions.alwaysTrue());
    return new ScanRecords(planned.files(), file -> input(file), state().metadata().schema(), output,
        filtered ? bound : null, Binder.referencedFieldIds(bound), state().version());
  }
}

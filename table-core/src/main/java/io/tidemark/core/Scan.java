package io.tidemark.core;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A read of one snapshot. Immutable: each refinement returns a new scan.
 *
 * <pre>{@code
 * try (CloseableIterable<Record> rows = table.newScan().select("id", "ts").asOfVersion(3).records()) {
 *   for (Record r : rows) { ... }
 * }
 * }</pre>
 */
public interface Scan {
  /** Reads only these columns, in this order. */
  Scan select(String... columns);

  /** Reads only these columns, in this order. */
  Scan select(List<String> columns);

  /**
   * Returns only rows matching this filter (on top of any filter set before: both must hold).
   * Files, manifests and row groups that provably hold no matching row are not read.
   */
  Scan filter(Expression filter);

  /**
   * Same, with the filter in the filter language, e.g.
   * {@code ts >= '2024-01-02' and category in ('a', 'b')} (see {@link Expressions#parse}).
   */
  Scan filter(String filter);

  /** Reads the table as it was at this version. */
  Scan asOfVersion(long version);

  /** Reads the table as it was at this instant (the newest version committed at or before it). */
  Scan asOfTimestamp(Instant timestamp);

  /**
   * Reads up to {@code threads} files at once, each on a thread of the reader's own; the rows
   * still come in the order of a scan reading one file after another (the default, 1), so the
   * result does not depend on it. The threads end when the reader is closed or exhausted, and a
   * failure on one of them is thrown by the reader's iterator.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when {@code threads} is below 1
   */
  Scan parallelism(int threads);

  /** The snapshot this scan reads (resolved when first asked). */
  Snapshot snapshot();

  /** The schema of the records this scan returns. */
  Schema schema();

  /** Plans the scan: the files to read, and how many manifests and files were pruned. */
  ScanPlan plan();

  /**
   * Plans the scan lazily: the files of {@link #plan()}, in the same order, one at a time. Each
   * iteration plans anew, reading one manifest at a time and keeping none it did not find cached,
   * so that iterating a plan of millions of files holds about one manifest's files instead of
   * all of them.
   *
   * @throws io.tidemark.spec.error.CorruptLogException from the iterator, as {@link #plan()}
   */
  Iterable<DataFile> files();

  /** Plans the scan and also reads the matched files' footers to count the row groups pruned. */
  ScanPlan planRowGroups();

  /**
   * The data files this scan would read, and the deletion vector files of those, that are gone
   * from storage (paths relative to the table root, in plan order, each data file before its
   * vector file), found with one listing per directory and before any row is read. A
   * caller that must not hand out a partial result, such as a command printing rows, checks this
   * first; {@link #records()} fails on a missing file only when it gets there.
   *
   * @throws io.tidemark.spec.error.OutsideTableException when one of them is a link out of the
   *     table, which a read would refuse
   */
  List<String> missingFiles();

  /**
   * The matching rows, file by file in the order files were added, and what reading them did
   * ({@link ScanReader#metrics()}). Close it to release open files.
   */
  ScanReader records();

  /**
   * Plans the scan into tasks that any JVM can read with {@link ScanTasks#open} knowing only the
   * table's storage: one per matching file, files over 128 MiB split into ranges. Together the
   * tasks return exactly the rows of {@link #records()}.
   */
  List<ScanTask> planTasks();

  /**
   * Plans tasks like {@link #planTasks()}, splitting files larger than {@code splitSizeBytes}
   * into ranges of that size (each range reads the row groups whose middle byte it holds).
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the size is not positive
   */
  List<ScanTask> planTasks(long splitSizeBytes);

  /**
   * Plans tasks split at {@code targetSizeBytes} and combines consecutive ones into groups of
   * about that size, counting each file as at least 4 MiB so that small files do not crowd a
   * group: units of work for an engine's workers.
   */
  List<ScanTaskGroup> planTaskGroups(long targetSizeBytes);
}

package io.tidemark.core;

import io.tidemark.core.expr.Expression;
import java.util.List;

/**
 * Bin-packs small data files into files near a target size, partition by partition (files of one
 * partition spec and equal partition values). A file is small when it is under three quarters of
 * the target; the small files of a partition are packed into groups of at most the target size,
 * and each group of at least {@link #minInputFiles} files is rewritten into new files, optionally
 * sorted. The commit ({@code OPTIMIZE}) removes and adds files with {@code dataChange} false, so
 * readers of changes can skip it.
 *
 * <p>The table is read when the compaction is made. Compaction conflicts only with a concurrent
 * commit that removed a file it rewrote; commits that only add files (appends) are rebased over,
 * so no row appended meanwhile is lost. Belongs to one thread.
 *
 * <pre>{@code
 * CompactionResult r = table.compact().targetFileSizeBytes(128 << 20).sortBy("ts").commit();
 * }</pre>
 */
public interface Compaction {
  /** The operation name written to the commit. */
  String OPERATION = "OPTIMIZE";

  /** The size to pack files to; default the table property {@code write.target-file-size-bytes} (128 MiB). */
  Compaction targetFileSizeBytes(long bytes);

  /** Compacts only files that may hold rows matching this filter (whole files are rewritten). */
  Compaction where(Expression filter);

  /** Same, in the filter language. */
  Compaction where(String filter);

  /**
   * Sorts the rows of each rewritten group by these top-level columns, ascending, nulls first.
   * Sorting holds a group's rows in memory (at most about the target size of data).
   */
  Compaction sortBy(String... columns);

  /** Same, as a list. */
  Compaction sortBy(List<String> columns);

  /** The fewest small files worth rewriting together; default 2. */
  Compaction minInputFiles(int files);

  /**
   * Also rewrites every file (whatever its size) whose deletion vector deletes more than this
   * fraction of its rows into files without deleted rows; default 0: every file that has a
   * vector. 1 leaves files with vectors alone unless they are small.
   *
   * @param fraction from 0 to 1
   * @throws io.tidemark.spec.error.InvalidArgumentException when it is outside [0, 1]
   */
  Compaction deletedFractionAbove(double fraction);

  /** Receives progress as input files are read. */
  Compaction progress(ProgressListener listener);

  /**
   * Compacts and commits. When no partition has enough small files, nothing is committed and the
   * result's version is -1.
   *
   * @throws io.tidemark.spec.error.CommitConflictException when a file it rewrote was removed concurrently
   */
  CompactionResult commit();
}

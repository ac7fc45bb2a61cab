package io.tidemark.core;

import io.tidemark.core.data.Record;
import java.util.function.Predicate;

/**
 * Applies a batch of source records to the table by a key, in one serializable commit
 * ({@code MERGE}, an upsert): a source record whose key matches live rows replaces them (or
 * deletes them, when its delete condition holds); one whose key matches no row is inserted.
 * Only the files that may hold a source key (by partition values and statistics) are read; in
 * {@linkplain TableProperties#DELETE_MODE merge-on-read} mode the replaced rows are marked in
 * deletion vectors, otherwise their files are rewritten. New versions of rows go to new files.
 *
 * <pre>{@code
 * MergeResult r = table.newMerge().on("id").source(records)
 *     .whenMatchedUpdateAll().whenNotMatchedInsertAll()
 *     .whenMatchedDeleteIf(s -> s.getBoolean("deleted")).commit();
 * }</pre>
 *
 * <p>Source records have the table's schema. Two source records with one key are refused. The
 * merge fails with a {@link io.tidemark.spec.error.CommitConflictException} when a concurrent
 * commit changed a file it read or added a file that may hold one of its keys; upserts of keys
 * in different files both commit. Belongs to one thread.
 */
public interface Merge {
  /** The operation name written to the commit. */
  String OPERATION = "MERGE";

  /**
   * The key columns (top-level, required or not, never null in a source record).
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when one is not a top-level primitive column
   */
  Merge on(String... keyColumns);

  /** The source records (read once, at commit). */
  Merge source(Iterable<Record> records);

  /** A source record whose key matches replaces the matching rows. */
  Merge whenMatchedUpdateAll();

  /** A source record whose key matches no row is inserted. */
  Merge whenNotMatchedInsertAll();

  /**
   * A source record for which this holds deletes the rows its key matches (and is never inserted);
   * it wins over {@link #whenMatchedUpdateAll()}.
   */
  Merge whenMatchedDeleteIf(Predicate<Record> condition);

  /**
   * Merges and commits. When nothing changes, nothing is committed and the result's version is -1.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when no key or source was given, no
   *     clause was chosen, a key is null, or two source records share a key
   * @throws io.tidemark.spec.error.CommitConflictException when a concurrent commit conflicts
   */
  MergeResult commit();
}

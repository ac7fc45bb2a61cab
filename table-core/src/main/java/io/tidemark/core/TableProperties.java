package io.tidemark.core;

import io.tidemark.core.internal.checkpoint.CheckpointSettings;
import io.tidemark.core.internal.commit.RetryPolicy;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.parquet.WriterOptions;
import java.util.Set;

/**
 * Table property names and defaults (spec.md section 12 lists them too). A table holds only
 * these keys and keys of the {@linkplain #USER_PREFIX user namespace}: creating a table or
 * {@linkplain Table#updateProperties() changing its properties} refuses any other key, naming
 * the closest known one. Values are checked when set: a property that must be a number is
 * refused when it is not one.
 */
public final class TableProperties {
  /**
   * Keys starting with {@code user.} (e.g. {@code user.owner}) are the application's: Tidemark
   * accepts any value for them and never reads them.
   */
  public static final String USER_PREFIX = "user.";

  /** Target size of a data file in bytes; the writer rolls to a new file beyond it. */
  public static final String TARGET_FILE_SIZE = WriterOptions.TARGET_FILE_SIZE_PROPERTY;
  /** Default target file size: 128 MiB. */
  public static final long TARGET_FILE_SIZE_DEFAULT = WriterOptions.DEFAULT_TARGET_FILE_SIZE;
  /** Parquet compression codec: snappy, zstd, gzip, lz4_raw or uncompressed. */
  public static final String COMPRESSION = WriterOptions.COMPRESSION_PROPERTY;
  /** Default codec. */
  public static final String COMPRESSION_DEFAULT = WriterOptions.DEFAULT_COMPRESSION;
  /** The most versions a commit tries before giving up. */
  public static final String COMMIT_MAX_ATTEMPTS = RetryPolicy.MAX_ATTEMPTS;
  /** First backoff bound in milliseconds. */
  public static final String COMMIT_MIN_WAIT_MS = RetryPolicy.MIN_WAIT_MS;
  /** Largest backoff bound in milliseconds. */
  public static final String COMMIT_MAX_WAIT_MS = RetryPolicy.MAX_WAIT_MS;

  /** Write a checkpoint every this many commits (0 turns automatic checkpoints off). */
  public static final String CHECKPOINT_INTERVAL = CheckpointSettings.INTERVAL;
  /** Default checkpoint interval. */
  public static final int CHECKPOINT_INTERVAL_DEFAULT = CheckpointSettings.INTERVAL_DEFAULT;
  /** The most data files one manifest of a checkpoint lists. */
  public static final String MANIFEST_MAX_FILES = CheckpointSettings.MANIFEST_MAX_FILES;

  /**
   * When {@code true}, vacuum also deletes the commit files (except version 0) and checkpoints
   * older than the newest checkpoint at or before the oldest retained version; default false.
   */
  public static final String LOG_RETENTION_ENABLED = io.tidemark.core.Vacuum.LOG_RETENTION_ENABLED;

  /**
   * How deletes remove rows from files that keep other rows: {@value #DELETE_MODE_COPY_ON_WRITE}
   * (the default) rewrites such a file; {@value #DELETE_MODE_MERGE_ON_READ} records the deleted
   * positions in the file's deletion vector and leaves the file. Setting merge-on-read adds the
   * {@code deletionVectors} feature to the table's protocol, which readers that do not know it
   * refuse (spec.md sections 4.7 and 11.5).
   */
  public static final String DELETE_MODE = DeleteMode.PROPERTY;
  /** The default delete mode: rewrite the files. */
  public static final String DELETE_MODE_COPY_ON_WRITE = "copy-on-write";
  /** The delete mode that writes deletion vectors. */
  public static final String DELETE_MODE_MERGE_ON_READ = "merge-on-read";

  private static final Set<String> NAMES = Set.of(TARGET_FILE_SIZE, COMPRESSION, COMMIT_MAX_ATTEMPTS,
      COMMIT_MIN_WAIT_MS, COMMIT_MAX_WAIT_MS, CHECKPOINT_INTERVAL, MANIFEST_MAX_FILES, LOG_RETENTION_ENABLED,
      DELETE_MODE);

  private TableProperties() {}

  /** Every property Tidemark reads (keys of the {@linkplain #USER_PREFIX user namespace} aside). */
  public static Set<String> names() {
    return NAMES;
  }
}

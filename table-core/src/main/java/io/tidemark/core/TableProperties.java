package io.tidemark.core;

import io.tidemark.core.checkpoint.CheckpointSettings;
import io.tidemark.core.commit.RetryPolicy;
import io.tidemark.core.parquet.WriterOptions;

/** Table property names and defaults (spec.md lists them too). */
public final class TableProperties {
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
  public static final String LOG_RETENTION_ENABLED = io.tidemark.core.ops.Vacuum.LOG_RETENTION_ENABLED;

  private TableProperties() {}
}

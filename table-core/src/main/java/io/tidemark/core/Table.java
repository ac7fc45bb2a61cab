package io.tidemark.core;

import io.tidemark.core.io.FileIO;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A Tidemark table. Thread-safe: one instance may be shared by every thread of a service; each
 * writer and scan it hands out belongs to one thread. Close it when done: a table opened by
 * location closes the storage client it made; one given a {@link FileIO} leaves it to the caller.
 *
 * <pre>{@code
 * try (Table t = Tables.create("/data/events", schema)) {
 *   try (AppendWriter w = t.newAppend()) { w.write(record); w.commit(); }
 *   try (CloseableIterable<Record> rows = t.newScan().select("id").records()) { ... }
 * }
 * }</pre>
 */
public interface Table extends AutoCloseable {
  /** The table's root location. */
  String location();

  /**
   * The location on storage of one of the table's files, from its path relative to the table (as
   * {@link DataFile#path()} gives it), checked to resolve inside the table: what other tools are
   * given to read a version's files.
   *
   * @throws io.tidemark.spec.error.OutsideTableException when the path resolves outside the table
   * @throws io.tidemark.spec.error.InvalidArgumentException when the path is not a valid relative path
   */
  String locationOf(String path);

  /** The storage the table lives on. */
  FileIO io();

  /** The newest snapshot this instance has seen, without reading storage. */
  Snapshot currentSnapshot();

  /** Reads the commits added since the last look and returns the newest snapshot. */
  Snapshot refresh();

  /**
   * The snapshot at a version.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the version does not exist
   */
  Snapshot snapshot(long version);

  /**
   * The snapshot current at an instant: the newest version committed at or before it, by
   * in-commit timestamp.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the instant is before the table's first commit
   */
  Snapshot snapshotAsOf(Instant timestamp);

  /** The schema of the newest snapshot (refreshes first). */
  default Schema schema() {
    return refresh().schema();
  }

  /** A writer that appends rows to the newest snapshot in one commit. */
  AppendWriter newAppend();

  /**
   * A writer of data files that it does not commit: it hands back their descriptions, for an
   * {@link #newAppendFiles()} here or in another JVM to commit. Rows must have the newest schema.
   */
  DataWriter newDataWriter();

  /**
   * An append of data files written elsewhere ({@link DataWriter}s in any JVM), committed as one
   * version once they are checked against the table and the storage.
   */
  AppendFiles newAppendFiles();

  /**
   * Several changes (deletes, appends of rows or files, a schema change) committed as one version,
   * checked for conflicts and retried as a whole: e.g. an upsert as a delete and an append.
   */
  Transaction newTransaction();

  /** A scan of the newest snapshot; choose another with {@link Scan#asOfVersion} or {@link Scan#asOfTimestamp}. */
  Scan newScan();

  /**
   * Writes a checkpoint of the newest version now (they are also written every
   * {@code checkpoint.interval} commits), so that loading the table reads the checkpoint and the
   * commits after it instead of the whole log.
   *
   * @return the version checkpointed
   */
  long checkpoint();

  /**
   * Every version of the table, oldest first. Versions that log retention expired are left out;
   * no other version is.
   *
   * @throws io.tidemark.spec.error.MissingCommitException naming a commit file that is missing
   *     although log retention did not expire it
   */
  List<HistoryEntry> history();

  /**
   * Restores the table to an earlier version or instant as one new commit ({@code RESTORE}):
   * {@code table.restore().toVersion(12).commit()}. No data is rewritten.
   */
  Restore restore();

  /**
   * Deletes the rows matching a filter in one commit ({@code DELETE}):
   * {@code table.newDelete().where("ts < '2024-01-01'").commit()}.
   */
  Delete newDelete();

  /**
   * Upserts source records by key in one commit ({@code MERGE}):
   * {@code table.newMerge().on("id").source(records).whenMatchedUpdateAll().whenNotMatchedInsertAll().commit()}.
   */
  Merge newMerge();

  /**
   * The rows that the commits of versions {@code fromVersion} to {@code toVersion} (both
   * included) inserted, deleted and updated, version by version, each with its version and
   * in-commit timestamp (spec.md section 10.5). Compactions change no row and give none. Rows
   * are read with the schema of {@code toVersion}. The list is held in memory: ask for ranges
   * whose changes fit.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the range is empty or not in the table
   */
  java.util.List<Change> changes(long fromVersion, long toVersion);

  /**
   * The changes, as {@link #changes(long, long)} gives them, of the commits whose in-commit
   * timestamp is between {@code from} and {@code to}, both included: from the first version
   * committed at or after {@code from} to the version a scan {@link Scan#asOfTimestamp asOfTimestamp(to)}
   * reads. Empty when no commit falls between them.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when {@code from} is after {@code to},
   *     or {@code to} is before the table's first commit
   */
  java.util.List<Change> changes(Instant from, Instant to);

  /**
   * Replaces the rows matching a filter, or the partitions the new rows land in, with new rows
   * in one commit ({@code OVERWRITE}).
   */
  Overwrite newOverwrite();

  /**
   * Bin-packs small data files into files near a target size ({@code OPTIMIZE}):
   * {@code table.compact().targetFileSizeBytes(128 << 20).commit()}.
   */
  Compaction compact();

  /**
   * Deletes files no version inside the retention window references:
   * {@code table.vacuum().retain(Duration.ofDays(7)).execute()}.
   */
  Vacuum vacuum();

  /**
   * A schema change, committed as one metadata-only commit ({@code SET SCHEMA}):
   * {@code table.updateSchema().addColumn("country", Types.STRING).renameColumn("v", "value").commit()}.
   */
  UpdateSchema updateSchema();

  /**
   * A partition spec change, committed as a new default spec ({@code SET PARTITION SPEC}):
   * {@code table.updateSpec().addField("id", Transforms.bucket(8)).commit()}.
   */
  UpdatePartitionSpec updateSpec();

  /**
   * A change of table properties, committed as one metadata-only commit ({@code SET TBLPROPERTIES}):
   * {@code table.updateProperties().set("write.parquet.compression", "zstd").unset("user.owner").commit()}.
   * The properties of a snapshot are in {@code snapshot.metadata().properties()}.
   */
  UpdateProperties updateProperties();

  /**
   * Releases what this table object made: the file IO (and its clients) when the table was opened
   * or created by location, never a file IO the caller passed in. Writers, scans and tasks of a
   * closed table must not be used. Closing twice does nothing more.
   *
   * @throws io.tidemark.spec.error.StorageException when the storage fails to close
   */
  @Override
  void close();
}

package io.tidemark.spark;

import io.tidemark.core.ScanTask;
import io.tidemark.core.ScanTaskGroup;
import io.tidemark.spec.error.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.connector.read.streaming.Offset;

/**
 * A streaming source over an append-only table: the offset is a table version, and a micro-batch
 * from version {@code s} to {@code e} reads the data files live at {@code e} that were not live at
 * {@code s} (with the scan's columns and filters). It starts before the first version (the whole
 * table, then every append) or after {@code startingVersion}. A version that removed files
 * (delete, overwrite, compaction) stops the stream with an error: its rewritten rows would be
 * delivered again.
 */
final class AppendStream implements MicroBatchStream {
  /** Read option: deliver only the commits after this version. */
  static final String STARTING_VERSION_OPTION = "startingVersion";

  private final io.tidemark.core.Table table;
  private final TableHandle handle;
  private final io.tidemark.core.Scan scan;
  private final long splitSize;
  private final boolean noColumns;
  private final long startingVersion;

  AppendStream(io.tidemark.core.Table table, TableHandle handle, io.tidemark.core.Scan scan, long splitSize,
      boolean noColumns, long startingVersion) {
    this.table = table;
    this.handle = handle;
    this.scan = scan;
    this.splitSize = splitSize;
    this.noColumns = noColumns;
    this.startingVersion = startingVersion;
  }

  @Override
  public Offset initialOffset() {
    return new VersionOffset(startingVersion);
  }

  @Override
  public Offset latestOffset() {
    return new VersionOffset(table.refresh().version());
  }

  @Override
  public Offset deserializeOffset(String json) {
    return new VersionOffset(Long.parseLong(json.strip()));
  }

  @Override
  public InputPartition[] planInputPartitions(Offset start, Offset end) {
    long from = ((VersionOffset) start).version();
    long to = ((VersionOffset) end).version();
    Set<String> before = new HashSet<>();
    if (from >= 0) {
      for (ScanTask t : scan.asOfVersion(from).planTasks(splitSize)) {
        before.add(t.path());
      }
    }
    Set<String> after = new HashSet<>();
    List<InputPartition> out = new ArrayList<>();
    for (ScanTask t : scan.asOfVersion(to).planTasks(splitSize)) {
      after.add(t.path());
      if (!before.contains(t.path())) {
        out.add(new TaskGroupPartition(new ScanTaskGroup(List.of(t))));
      }
    }
    if (!after.containsAll(before)) {
      throw new UnsupportedFeatureException("the Tidemark streaming source reads append-only tables, but a version"
          + " after " + from + " and up to " + to + " of " + table.location() + " removed data files");
    }
    return out.toArray(new InputPartition[0]);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new TaskGroupReaderFactory(handle, noColumns);
  }

  @Override
  public void commit(Offset end) {
    // nothing to release: offsets are table versions
  }

  @Override
  public void stop() {
    // nothing to release
  }

  /** A table version as a streaming offset; -1 is before the first version. */
  static final class VersionOffset extends Offset {
    private final long version;

    VersionOffset(long version) {
      this.version = version;
    }

    long version() {
      return version;
    }

    @Override
    public String json() {
      return Long.toString(version);
    }
  }
}

package io.tidemark.core.snapshot;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;

/** The table's state at one version, replayed from the log by {@link SnapshotBuilder}. Immutable. */
public final class TableState {
  private final long version;
  private final long timestampMillis;
  private final Protocol protocol;
  private final Metadata metadata;
  private final Map<String, AddFile> files;
  private final Map<String, Long> appVersions;
  private final long recordCount;

  TableState(long version, long timestampMillis, Protocol protocol, Metadata metadata,
      Map<String, AddFile> files, Map<String, Long> appVersions) {
    this.version = version;
    this.timestampMillis = timestampMillis;
    this.protocol = protocol;
    this.metadata = metadata;
    this.files = Collections.unmodifiableMap(files);
    this.appVersions = Collections.unmodifiableMap(appVersions);
    this.recordCount = files.values().stream().mapToLong(AddFile::recordCount).sum();
  }

  /** The version. */
  public long version() {
    return version;
  }

  /** The in-commit timestamp. */
  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMillis);
  }

  /** The in-commit timestamp in epoch milliseconds. */
  public long timestampMillis() {
    return timestampMillis;
  }

  /** The metadata. */
  public Metadata metadata() {
    return metadata;
  }

  /** The protocol. */
  public Protocol protocol() {
    return protocol;
  }

  /** Live files in the order they were added. */
  public Collection<AddFile> dataFiles() {
    return files.values();
  }

  /** Live files by path. */
  public Map<String, AddFile> filesByPath() {
    return files;
  }

  /** Application transaction versions by app id. */
  public Map<String, Long> appVersions() {
    return appVersions;
  }

  /** Rows in the live files. */
  public long recordCount() {
    return recordCount;
  }

  /** The highest version of an application transaction, if any. */
  public OptionalLong applicationVersion(String appId) {
    Long v = appVersions.get(appId);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public String toString() {
    return "Snapshot{version=" + version + ", timestamp=" + timestamp() + ", files=" + files.size()
        + ", records=" + recordCount + "}";
  }
}

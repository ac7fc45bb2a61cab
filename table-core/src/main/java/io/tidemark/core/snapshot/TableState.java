package io.tidemark.core.snapshot;

import io.tidemark.core.checkpoint.ManifestCache;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The table's state at one version: what a checkpoint holds (when the state was loaded from one)
 * plus the commits replayed after it. The live files are listed lazily: a planner can prune a
 * checkpoint's manifests without reading them. Immutable; built by {@link SnapshotBuilder}.
 */
public final class TableState {
  private final long version;
  private final long timestampMillis;
  private final Protocol protocol;
  private final Metadata metadata;
  private final Map<String, Long> appVersions;
  private final Checkpoint base;
  private final Map<String, AddFile> ownTailAdds;
  private final Set<String> ownTailRemoves;
  private final Map<String, AddFile> tailAdds;
  private final Set<String> tailRemoves;
  private final long removedTailOnly;
  private final ManifestCache manifests;
  private volatile List<AddFile> allFiles;

  TableState(long version, long timestampMillis, Protocol protocol, Metadata metadata, Map<String, Long> appVersions,
      Checkpoint base, Map<String, AddFile> tailAdds, Set<String> tailRemoves, long removedTailOnly,
      ManifestCache manifests) {
    this.version = version;
    this.timestampMillis = timestampMillis;
    this.protocol = protocol;
    this.metadata = metadata;
    this.appVersions = Collections.unmodifiableMap(appVersions);
    this.base = base;
    this.ownTailAdds = tailAdds;
    this.ownTailRemoves = tailRemoves;
    this.tailAdds = Collections.unmodifiableMap(tailAdds);
    this.tailRemoves = Collections.unmodifiableSet(tailRemoves);
    this.removedTailOnly = removedTailOnly;
    this.manifests = manifests;
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

  /** The checkpoint this state was replayed from, or null when it was replayed from version 0. */
  public Checkpoint base() {
    return base;
  }

  /** The base checkpoint's manifests (empty without a base). */
  public List<ManifestEntry> baseManifests() {
    return base == null ? List.of() : base.manifests();
  }

  /** Files added after the base and still live, by path, in commit order. */
  public Map<String, AddFile> tailAdds() {
    return tailAdds;
  }

  /** Paths removed after the base that may be listed in its manifests. */
  public Set<String> tailRemoves() {
    return tailRemoves;
  }

  /** The map behind {@link #tailAdds()}, for {@link SnapshotBuilder} to copy; never to be changed. */
  Map<String, AddFile> ownTailAdds() {
    return ownTailAdds;
  }

  /** The set behind {@link #tailRemoves()}, for {@link SnapshotBuilder} to copy; never to be changed. */
  Set<String> ownTailRemoves() {
    return ownTailRemoves;
  }

  /**
   * The files a base manifest lists that are still live: not removed since, and not added again
   * since (a later add of a live path replaces its entry, spec section 10.1, and is listed among
   * the tail's adds).
   */
  public List<AddFile> liveFilesOf(ManifestEntry manifest) {
    List<AddFile> files = manifests.files(manifest);
    if (tailRemoves.isEmpty() && tailAdds.isEmpty()) {
      return files;
    }
    List<AddFile> live = new ArrayList<>(files.size());
    for (AddFile f : files) {
      if (!tailRemoves.contains(f.path()) && !tailAdds.containsKey(f.path())) {
        live.add(f);
      }
    }
    return live;
  }

  /** Every live file: the base manifests' (read on first use) and then the later adds. */
  public Collection<AddFile> dataFiles() {
    List<AddFile> files = allFiles;
    if (files == null) {
      List<AddFile> out = new ArrayList<>();
      for (ManifestEntry m : baseManifests()) {
        out.addAll(liveFilesOf(m));
      }
      out.addAll(tailAdds.values());
      files = Collections.unmodifiableList(out);
      allFiles = files;
    }
    return files;
  }

  /** Application transaction versions by app id. */
  public Map<String, Long> appVersions() {
    return appVersions;
  }

  /** Rows in the live files. */
  public long recordCount() {
    return dataFiles().stream().mapToLong(AddFile::recordCount).sum();
  }

  /** The highest version of an application transaction, if any. */
  public OptionalLong applicationVersion(String appId) {
    Long v = appVersions.get(appId);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /**
   * The number of live files, without reading manifests (exact for logs whose removes name live
   * files, as Tidemark writers' do).
   */
  public long fileCount() {
    long baseFiles = base == null ? 0 : base.fileCount();
    return baseFiles - (tailRemoves.size() - removedTailOnly) + tailAdds.size();
  }

  long removedTailOnly() {
    return removedTailOnly;
  }

  ManifestCache manifests() {
    return manifests;
  }

  @Override
  public String toString() {
    return "Snapshot{version=" + version + ", timestamp=" + timestamp()
        + (base == null ? "" : ", checkpoint=" + base.version()) + ", tailFiles=" + tailAdds.size() + "}";
  }
}

package io.tidemark.core.internal.snapshot;

import io.tidemark.core.internal.checkpoint.ManifestCache;
import io.tidemark.core.internal.checkpoint.UnreadableManifestException;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The table's state at one version: what a checkpoint holds (when the state was loaded from one)
 * plus the commits replayed after it. The live files are listed lazily: a planner can prune a
 * checkpoint's manifests without reading them. Immutable; built by {@link SnapshotBuilder}.
 *
 * <p>Because manifests are read lazily, a checkpoint can turn out unusable after the state was
 * built from it (a manifest missing or damaged, spec 10.4). The state then stands in for the same
 * version loaded without that checkpoint ({@link #withoutCheckpoint}): {@link #dataFiles()} does
 * so by itself, and code reading {@link #liveFilesOf} catches {@link UnreadableManifestException}
 * and starts over on the replacement, so that no reader ever sees part of a checkpoint's files.
 */
public final class TableState {
  private final long version;
  private final long timestampMillis;
  private final Protocol protocol;
  private final Metadata metadata;
  private final Map<String, Long> appVersions;
  private final Checkpoint base;
  private final Map<String, AddFile> ownTailAdds;
  private final Map<String, Long> ownTailRemoves;
  private final Map<String, AddFile> tailAdds;
  private final Set<String> tailRemoves;
  private final long removedTailOnly;
  private final long uncheckedClaims;
  private final ManifestCache manifests;
  private final Fallback fallback;
  private volatile Collection<AddFile> allFiles;
  private volatile boolean removesChecked;
  private volatile TableState replacement;

  /** Loads a state's version again without its base checkpoint, whose manifest could not be read. */
  interface Fallback {
    /** A fallback for states that have no other source: the error stands. */
    Fallback NONE = (state, unreadable) -> {
      throw unreadable;
    };

    /**
     * @throws io.tidemark.spec.error.CorruptLogException when no other complete source of the
     *     version exists
     */
    TableState load(TableState state, UnreadableManifestException unreadable);
  }

  TableState(long version, long timestampMillis, Protocol protocol, Metadata metadata, Map<String, Long> appVersions,
      Checkpoint base, Map<String, AddFile> tailAdds, Map<String, Long> tailRemoves, long removedTailOnly,
      long uncheckedClaims, ManifestCache manifests, Fallback fallback) {
    this.version = version;
    this.timestampMillis = timestampMillis;
    this.protocol = protocol;
    this.metadata = metadata;
    this.appVersions = Collections.unmodifiableMap(appVersions);
    this.base = base;
    this.ownTailAdds = tailAdds;
    this.ownTailRemoves = tailRemoves;
    this.tailAdds = Collections.unmodifiableMap(tailAdds);
    this.tailRemoves = Collections.unmodifiableSet(tailRemoves.keySet());
    this.removedTailOnly = removedTailOnly;
    this.uncheckedClaims = uncheckedClaims;
    this.manifests = manifests;
    this.fallback = fallback;
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

  /**
   * The map behind {@link #tailRemoves()}, for {@link SnapshotBuilder} to copy; never to be
   * changed. A value of zero or more is the version of a remove that claims a base file and is
   * not checked yet.
   */
  Map<String, Long> ownTailRemoves() {
    return ownTailRemoves;
  }

  /**
   * The files a base manifest lists that are still live: not removed since, and not added again
   * since (a later add of a live path replaces its entry, spec section 10.1, and is listed among
   * the tail's adds).
   *
   * @throws UnreadableManifestException when the manifest cannot be read: the caller must use
   *     {@link #withoutCheckpoint} instead of this state, not skip the manifest
   */
  public List<AddFile> liveFilesOf(ManifestEntry manifest) {
    return live(manifests.files(manifest));
  }

  /**
   * Like {@link #liveFilesOf}, without keeping the manifest in the table's cache when it is not
   * there already: for a pass over every manifest that must not hold them all.
   *
   * @throws UnreadableManifestException as {@link #liveFilesOf}
   */
  public List<AddFile> liveFilesOfUncached(ManifestEntry manifest) {
    return live(manifests.filesUncached(manifest));
  }

  private List<AddFile> live(List<AddFile> files) {
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

  /**
   * Checks that every path removed after the base checkpoint, and not added after it, is listed
   * by the checkpoint's manifests, reading them all (once per state, and only when there is
   * such a path). A planner calls it before listing files: a remove that names no live file
   * would otherwise leave the file it was meant to remove live, and its rows would come back.
   *
   * @throws io.tidemark.spec.error.CorruptLogException naming the commit and the path of the
   *     first remove (by version) whose path the checkpoint does not list
   */
  public void checkRemoves() {
    if (uncheckedClaims == 0 || removesChecked) {
      return;
    }
    Set<String> found = new HashSet<>();
    for (ManifestEntry m : baseManifests()) {
      for (AddFile f : manifests.files(m)) {
        Long claim = ownTailRemoves.get(f.path());
        if (claim != null && claim >= 0) {
          found.add(f.path());
        }
      }
    }
    if (found.size() < uncheckedClaims) {
      Map.Entry<String, Long> first = null;
      for (Map.Entry<String, Long> e : ownTailRemoves.entrySet()) {
        if (e.getValue() >= 0 && !found.contains(e.getKey()) && (first == null || e.getValue() < first.getValue())) {
          first = e;
        }
      }
      throw SnapshotBuilder.notLive(LogFiles.commitPath(first.getValue()), 0, first.getKey());
    }
    removesChecked = true;
  }

  boolean removesChecked() {
    return removesChecked;
  }

  long uncheckedClaims() {
    return uncheckedClaims;
  }

  /**
   * The same version loaded without this state's base checkpoint (from an older one or from the
   * log), after reading one of its manifests failed; loaded once per state.
   *
   * @throws io.tidemark.spec.error.CorruptLogException naming what is missing when no other
   *     complete source of the version exists
   */
  public TableState withoutCheckpoint(UnreadableManifestException unreadable) {
    TableState r = replacement;
    if (r == null) {
      r = fallback.load(this, unreadable);
      replacement = r;
    }
    return r;
  }

  /**
   * Every live file: the base manifests' (read on first use) and then the later adds.
   *
   * @throws io.tidemark.spec.error.CorruptLogException when a remove after the base names no
   *     live file ({@link #checkRemoves()}), or no complete source of the version exists
   */
  public Collection<AddFile> dataFiles() {
    Collection<AddFile> files = allFiles;
    if (files == null) {
      try {
        checkRemoves();
        List<AddFile> out = new ArrayList<>();
        for (ManifestEntry m : baseManifests()) {
          out.addAll(liveFilesOf(m));
        }
        out.addAll(tailAdds.values());
        files = Collections.unmodifiableList(out);
      } catch (UnreadableManifestException e) {
        files = withoutCheckpoint(e).dataFiles();
      }
      allFiles = files;
    }
    return files;
  }

  /**
   * True when a file of this path is live, without listing every live file: the tail's adds, then
   * the paths of the base checkpoint's manifests (built once per checkpoint) unless removed since.
   *
   * @throws io.tidemark.spec.error.CorruptLogException when no complete source of the version exists
   */
  public boolean holds(String path) {
    if (tailAdds.containsKey(path)) {
      return true;
    }
    if (base == null || tailRemoves.contains(path)) {
      return false;
    }
    try {
      return manifests.paths(base).contains(path);
    } catch (UnreadableManifestException e) {
      return withoutCheckpoint(e).holds(path);
    }
  }

  /** Application transaction versions by app id. */
  public Map<String, Long> appVersions() {
    return appVersions;
  }

  /** Rows in the live files, without the rows their deletion vectors delete. */
  public long recordCount() {
    return dataFiles().stream().mapToLong(AddFile::liveRecordCount).sum();
  }

  /** Rows that the live files' deletion vectors delete. */
  public long deletedRecordCount() {
    return dataFiles().stream().mapToLong(AddFile::deletedRecordCount).sum();
  }

  /** The highest version of an application transaction, if any. */
  public OptionalLong applicationVersion(String appId) {
    Long v = appVersions.get(appId);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /**
   * The number of live files, without reading manifests (exact once {@link #checkRemoves()}
   * passed: every remove names a live file).
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

  Fallback fallback() {
    return fallback;
  }

  @Override
  public String toString() {
    return "Snapshot{version=" + version + ", timestamp=" + timestamp()
        + (base == null ? "" : ", checkpoint=" + base.version()) + ", tailFiles=" + tailAdds.size() + "}";
  }
}

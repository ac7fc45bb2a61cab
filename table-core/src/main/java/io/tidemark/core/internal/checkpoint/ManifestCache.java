package io.tidemark.core.internal.checkpoint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parsed manifests of one table, bounded by an estimate of their memory. Manifests never change
 * once written, so entries never go stale. Thread-safe.
 */
public final class ManifestCache {
  private static final int BYTES_PER_FILE_ESTIMATE = 600;

  private final FileIO io;
  private final String tableLocation;
  private final Cache<String, List<AddFile>> cache;
  private volatile CheckpointPaths lastPaths;

  /** A cache holding at most about {@code maxBytes} of parsed manifests. */
  public ManifestCache(FileIO io, String tableLocation, long maxBytes) {
    this.io = io;
    this.tableLocation = tableLocation;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String path, List<AddFile> files) ->
            (int) Math.min(Integer.MAX_VALUE, (long) files.size() * BYTES_PER_FILE_ESTIMATE + 256))
        .build();
  }

  /** Drops every parsed manifest kept in memory (the table is being closed). */
  public void clear() {
    cache.invalidateAll();
  }

  /**
   * The paths of every file a checkpoint's manifests list, built once for the latest checkpoint
   * asked about: the states loaded between two checkpoints share it, so a duplicate check costs a
   * lookup per file instead of a walk over every live file per commit.
   *
   * @throws UnreadableManifestException when a manifest is missing, unreadable or does not match
   *     its entry
   */
  public Set<String> paths(Checkpoint checkpoint) {
    CheckpointPaths last = lastPaths;
    if (last != null && last.checkpoint() == checkpoint) {
      return last.paths();
    }
    Set<String> paths = new HashSet<>();
    for (ManifestEntry m : checkpoint.manifests()) {
      for (AddFile f : files(m)) {
        paths.add(f.path());
      }
    }
    Set<String> built = Collections.unmodifiableSet(paths);
    lastPaths = new CheckpointPaths(checkpoint, built);
    return built;
  }

  private record CheckpointPaths(Checkpoint checkpoint, Set<String> paths) {}

  /**
   * The data files a manifest lists, read on first use.
   *
   * @throws UnreadableManifestException when the manifest is missing, unreadable or does not
   *     match its entry (nothing is cached then)
   */
  public List<AddFile> files(ManifestEntry manifest) {
    return cache.get(manifest.path(), p -> List.copyOf(ManifestFiles.read(io, tableLocation, manifest)));
  }

  /**
   * The data files a manifest lists: the cached ones, else read without being cached.
   *
   * @throws UnreadableManifestException as {@link #files}
   */
  public List<AddFile> filesUncached(ManifestEntry manifest) {
    List<AddFile> cached = cache.getIfPresent(manifest.path());
    return cached != null ? cached : ManifestFiles.read(io, tableLocation, manifest);
  }
}

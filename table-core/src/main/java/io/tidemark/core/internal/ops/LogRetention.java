package io.tidemark.core.internal.ops;

import io.tidemark.core.internal.checkpoint.CheckpointStore;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.FileEntry;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.json.CheckpointCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what vacuum may delete in {@code _log/} and {@code _manifests/}: with log retention on,
 * the commit files (never version 0) and checkpoints older than the newest readable checkpoint at
 * or before the oldest retained version; and the manifests that no remaining checkpoint lists and
 * that are older than the window (a checkpoint being written lists its manifests only once it is
 * there).
 */
final class LogRetention {
  private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);

  private final TableContext table;
  private final TreeSet<Long> commits = new TreeSet<>();
  private final TreeSet<Long> checkpoints = new TreeSet<>();
  private final List<String> expired = new ArrayList<>();
  private long keptFrom;

  LogRetention(TableContext table, long oldestRetained, boolean expireLog) {
    this.table = table;
    String prefix = TableLocations.logPrefix(table.location());
    try {
      for (FileEntry e : table.io().list(prefix, null)) {
        long commit = LogFiles.parseCommitVersion(e.name());
        if (commit >= 0) {
          commits.add(commit);
        }
        long checkpoint = LogFiles.parseCheckpointVersion(e.name());
        if (checkpoint >= 0) {
          checkpoints.add(checkpoint);
        }
      }
    } catch (IOException e) {
      throw StorageErrors.failed("cannot list", prefix, e);
    }
    keptFrom = 0;
    if (expireLog) {
      CheckpointStore store = new CheckpointStore(table.io(), table.location());
      for (Long v = checkpoints.floor(oldestRetained); v != null; v = checkpoints.lower(v)) {
        Optional<Checkpoint> cp = store.read(v);
        // the log before it goes only when the checkpoint and all its manifests are there to replace it
        if (cp.isPresent() && FileExistence.missing(table,
            cp.get().manifests().stream().map(ManifestEntry::path).toList()).isEmpty()) {
          keptFrom = v;
          break;
        }
      }
      for (long v : commits.headSet(keptFrom)) {
        if (v > 0) {
          expired.add(LogFiles.commitPath(v));
        }
      }
      for (long v : checkpoints.headSet(keptFrom)) {
        expired.add(LogFiles.LOG_DIR + LogFiles.checkpointFileName(v));
      }
    }
  }

  /** Commit files and checkpoints to delete, oldest commits first. */
  List<String> expiredLogFiles() {
    return expired;
  }

  /** Manifests under {@code _manifests/} no kept checkpoint lists, modified before the cutoff. */
  List<String> unreferencedManifests(long cutoffMillis) {
    Set<String> listed = new HashSet<>();
    for (long v : checkpoints.tailSet(keptFrom)) {
      checkpoint(v).ifPresent(cp -> {
        for (ManifestEntry m : cp.manifests()) {
          listed.add(m.path());
        }
      });
    }
    String root = table.location() + "/";
    String prefix = TableLocations.manifestPrefix(table.location());
    List<String> out = new ArrayList<>();
    try {
      for (FileEntry e : table.io().list(prefix, null)) {
        if (!e.location().startsWith(root) || e.name().startsWith(".")) {
          continue;
        }
        String path = e.location().substring(root.length());
        if (!listed.contains(path) && e.lastModifiedMillis() < cutoffMillis) {
          out.add(path);
        }
      }
    } catch (IOException e) {
      throw StorageErrors.failed("cannot list", prefix, e);
    }
    return out;
  }

  /** A checkpoint, or empty when it is gone or damaged; an I/O failure stops the vacuum. */
  private Optional<Checkpoint> checkpoint(long version) {
    String location = new CheckpointStore(table.io(), table.location()).location(version);
    Optional<byte[]> bytes;
    try {
      bytes = table.io().readIfExists(location);
    } catch (IOException e) {
      throw new StorageException("cannot read " + location + " (vacuum keeps every manifest it might list): "
          + e.getMessage(), e);
    }
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CheckpointCodec.decode(LogFiles.LOG_DIR + LogFiles.checkpointFileName(version), bytes.get()));
    } catch (TidemarkException e) {
      LOG.warn("checkpoint of version {} of {} is damaged; its manifests are not kept: {}", version,
          table.location(), e.getMessage());
      return Optional.empty();
    }
  }
}

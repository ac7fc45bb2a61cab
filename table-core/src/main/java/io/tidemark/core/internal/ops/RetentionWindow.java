package io.tidemark.core.internal.ops;

import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.io.FileEntry;
import io.tidemark.spec.actions.AddFile;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The versions a vacuum keeps readable: the version current at the start of the window (the
 * newest one committed at or before it, by in-commit timestamp), every later one, and always the
 * newest. Commits expired by log retention are skipped: only the unbroken run of commit files
 * that ends at the newest version counts.
 */
final class RetentionWindow {
  private final TableContext table;
  private final TableState latest;
  private final long oldestRetained;

  RetentionWindow(TableContext table, TableState latest, long cutoffMillis) {
    this.table = table;
    this.latest = latest;
    this.oldestRetained = oldestRetained(cutoffMillis);
  }

  /** The oldest retained version. */
  long oldestRetained() {
    return oldestRetained;
  }

  /** The paths of every data file a retained version references. */
  Set<String> referencedFiles() {
    Set<String> paths = new HashSet<>();
    for (AddFile f : table.stateAt(oldestRetained).dataFiles()) {
      addPaths(paths, f);
    }
    for (long v = oldestRetained + 1; v <= latest.version(); v++) {
      for (AddFile f : table.log().read(v).adds()) {
        addPaths(paths, f);
      }
    }
    return paths;
  }

  /** A file's path and its deletion vector's file, which a version needs as much as the data. */
  private static void addPaths(Set<String> paths, AddFile f) {
    paths.add(f.path());
    if (f.deletionVector() != null && !f.deletionVector().isInline()) {
      paths.add(f.deletionVector().path());
    }
  }

  private long oldestRetained(long cutoffMillis) {
    long lo = lowestContiguousVersion();
    if (timestamp(lo) > cutoffMillis) {
      return lo;
    }
    long hi = latest.version() + 1;
    // invariant: timestamp(lo) <= cutoff, and hi is beyond the answer; timestamps strictly increase
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (timestamp(mid) <= cutoffMillis) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private long timestamp(long version) {
    return version == latest.version() ? latest.timestampMillis() : table.log().read(version).info().timestamp();
  }

  /** The oldest version from which every commit file up to the newest exists. */
  private long lowestContiguousVersion() {
    String prefix = TableLocations.logPrefix(table.location());
    TreeSet<Long> versions = new TreeSet<>();
    try {
      List<FileEntry> entries = table.io().list(prefix, null);
      for (FileEntry e : entries) {
        long v = LogFiles.parseCommitVersion(e.name());
        if (v >= 0 && v <= latest.version()) {
          versions.add(v);
        }
      }
    } catch (IOException e) {
      throw StorageErrors.failed("cannot list", prefix, e);
    }
    long lowest = latest.version();
    while (lowest > 0 && versions.contains(lowest - 1)) {
      lowest--;
    }
    return lowest;
  }
}

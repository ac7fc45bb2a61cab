package io.tidemark.core.internal.ops;

import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops a table: deletes its log and manifests, and with purge every other file under its root.
 * There is no atomic way to delete many files, so the order is chosen for what a crash leaves: the
 * log goes first, in name order (oldest versions first), in bulk requests of {@value #BATCH} files.
 * A drop stopped part-way leaves a table whose early history is gone, which still reads while a
 * checkpoint covers it, or a log that readers report as having a missing commit (a checkpoint
 * deleted before the commits after it, or a bulk request cut short); dropping again finishes the
 * job. Data files go last, so a readable table is never left pointing at deleted data.
 */
public final class TableDrop {
  private static final int BATCH = 1000;

  private TableDrop() {}

  /**
   * Drops the table at {@code location}.
   *
   * @return false when no commit file is there (nothing is deleted, even with purge: a location
   *     that holds no table is not the library's to empty)
   */
  public static boolean drop(FileIO io, String location, boolean purge) {
    TableLocations locations = new TableLocations(io, location);
    String root = locations.root();
    try {
      List<String> log = files(io, TableLocations.logPrefix(root));
      if (log.stream().noneMatch(l -> LogFiles.parseCommitVersion(name(l)) >= 0)) {
        return false;
      }
      delete(locations, log);
      delete(locations, files(io, TableLocations.manifestPrefix(root)));
      if (purge) {
        delete(locations, files(io, root + "/"));
      }
      return true;
    } catch (IOException e) {
      throw new StorageException("cannot drop the table at " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<String> files(FileIO io, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    for (FileEntry e : io.list(prefix, null)) { // sorted by location: commits in version order
      out.add(e.location());
    }
    return out;
  }

  private static void delete(TableLocations locations, List<String> files) throws IOException {
    for (int from = 0; from < files.size(); from += BATCH) {
      Map<String, String> failed = locations.deleteAll(files.subList(from, Math.min(files.size(), from + BATCH)));
      if (!failed.isEmpty()) {
        throw new StorageException(failed.size() + " files could not be deleted, e.g. "
            + failed.entrySet().iterator().next() + "; drop the table again to finish", null);
      }
    }
  }

  private static String name(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }
}

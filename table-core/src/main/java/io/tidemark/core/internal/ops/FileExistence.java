package io.tidemark.core.internal.ops;

import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.io.FileEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks which of a table's files exist, with one listing per directory (restore, scans, file appends). */
public final class FileExistence {
  private FileExistence() {}

  /**
   * The paths (relative to the table root) among these that do not exist, in the order given.
   *
   * @param table the table the paths belong to
   * @param paths data file paths relative to its root
   * @throws io.tidemark.spec.error.OutsideTableException when one that is not listed is there, but
   *     as a link out of the table: it is not missing, and reading it would be refused
   */
  public static List<String> missing(TableContext table, List<String> paths) {
    Map<String, Long> sizes = sizes(table, paths);
    List<String> missing = new ArrayList<>();
    for (String p : paths) {
      if (!sizes.containsKey(p)) {
        // a listing leaves out symbolic links; one leading out of the table must not pass for a vacuumed file
        table.locations().resolveInside(p);
        missing.add(p);
      }
    }
    return missing;
  }

  /** The sizes of those of these paths (relative to the table root) that exist. */
  public static Map<String, Long> sizes(TableContext table, Collection<String> paths) {
    Set<String> directories = new LinkedHashSet<>();
    for (String p : paths) {
      directories.add(DataFiles.directory(p));
    }
    Map<String, Long> sizes = new HashMap<>();
    for (String directory : directories) {
      String prefix = TableLocations.locationOf(table.location(), directory + "/");
      // a directory that links out of the table is not listed: what is there is not the table's
      table.locations().checkInside(TableLocations.locationOf(table.location(), directory));
      try {
        for (FileEntry e : table.io().list(prefix, null)) {
          if (e.location().startsWith(prefix)) {
            sizes.put(directory + "/" + e.location().substring(prefix.length()), e.size());
          }
        }
      } catch (IOException e) {
        throw StorageErrors.failed("cannot list", prefix, e);
      }
    }
    sizes.keySet().retainAll(new HashSet<>(paths));
    return sizes;
  }
}

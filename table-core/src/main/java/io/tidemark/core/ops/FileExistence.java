package io.tidemark.core.ops;

import io.tidemark.core.commit.TableContext;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.StorageErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks which of a table's files exist, with one listing per directory (restore, scans). */
public final class FileExistence {
  private FileExistence() {}

  /**
   * The paths (relative to the table root) among these that do not exist, in the order given.
   *
   * @param table the table the paths belong to
   * @param paths data file paths relative to its root
   */
  public static List<String> missing(TableContext table, List<String> paths) {
    Map<String, List<String>> byDirectory = new LinkedHashMap<>();
    for (String p : paths) {
      byDirectory.computeIfAbsent(DataFiles.directory(p), d -> new ArrayList<>()).add(p);
    }
    Set<String> present = new HashSet<>();
    for (String directory : byDirectory.keySet()) {
      String prefix = table.location() + "/" + directory + "/";
      try {
        for (FileEntry e : table.io().list(prefix, null)) {
          if (e.location().startsWith(prefix)) {
            present.add(directory + "/" + e.location().substring(prefix.length()));
          }
        }
      } catch (IOException e) {
        throw StorageErrors.failed("cannot list", prefix, e);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String p : paths) {
      if (!present.contains(p)) {
        missing.add(p);
      }
    }
    return missing;
  }
}

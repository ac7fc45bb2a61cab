package io.tidemark.core.internal.ops;

import io.tidemark.core.Scan;
import io.tidemark.core.Table;
import io.tidemark.core.TestTables;
import io.tidemark.core.Vacuum;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.FileEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Shared helpers of the operation tests. */
final class OpsFixtures {
  private OpsFixtures() {}

  /** The ids of a scan's rows, sorted. */
  static List<Long> ids(Scan scan) {
    return TestTables.read(scan).stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  /** The ids of the newest snapshot's rows, sorted. */
  static List<Long> ids(Table table) {
    return ids(table.newScan());
  }

  /** The rows of a scan as a sorted list of their string forms (a multiset to compare). */
  static List<String> rowsOf(Scan scan) {
    return TestTables.read(scan).stream().map(Record::toString).sorted().toList();
  }

  /** Files under the table's data/ folder, relative to the table root. */
  static Set<String> dataFilesOnDisk(Table table) {
    try {
      String root = table.location() + "/";
      return table.io().list(root + "data/", null).stream().map(FileEntry::location)
          .map(l -> l.substring(root.length())).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commit versions whose files are in _log/. */
  static Set<Long> commitFiles(Table table) {
    try {
      return table.io().list(table.location() + "/_log/", null).stream()
          .map(e -> LogFiles.parseCommitVersion(e.name())).filter(v -> v >= 0)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A vacuum whose clock runs {@code ahead} of the real one, so that every file and version
   * written so far is older than a window shorter than that.
   */
  static Vacuum vacuumFromTheFuture(Table table, Duration ahead) {
    return new BaseVacuum((TableContext) table, Clock.offset(Clock.systemUTC(), ahead)).force(true);
  }
}

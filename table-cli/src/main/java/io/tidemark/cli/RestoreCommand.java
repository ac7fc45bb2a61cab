package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.Restore;
import io.tidemark.core.RestoreResult;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark restore TABLE (--version N | --as-of TIMESTAMP) [--json]}. */
@Command(name = "restore", header = "Restores a table to an earlier version as one new commit.", description = {"Restores a table to an earlier version as one new commit (RESTORE):",
    "files added since are removed and files removed since are added back; no data is",
    "rewritten. Refused, naming them, when files it needs were vacuumed. A restore is",
    "undone by another restore."},
    footer = {"", "Examples:", "  tidemark restore /data/orders --version 12",
        "  tidemark restore /data/orders --as-of 2024-01-02T10:00:00.123Z"})
final class RestoreCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--json", description = "Print one JSON object: version, restoredVersion, committed, numRestoredFiles,"
      + " numRemovedFiles, restoredBytes, removedBytes.")
  boolean json;

  /** Which version to restore: exactly one of the two. */
  static final class Target {
    @Option(names = "--version", paramLabel = "N", required = true, description = "Restore this version.")
    Long version;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP", required = true, converter = InstantConverter.class,
        description = "Restore the newest version committed at or before this instant (as for 'tidemark scan').")
    Instant asOf;
  }

  @Override
  void run() {
    if (target.version != null && target.version < 0) {
      throw new ParameterException(spec.commandLine(), "--version must not be negative, was " + target.version);
    }
    Table t = open(table);
    Snapshot current = t.refresh();
    Snapshot wanted = target.version != null ? t.snapshot(target.version) : t.snapshotAsOf(target.asOf);
    if (livePaths(current).equals(livePaths(wanted))) {
      // a commit would change nothing (as delete and compact with nothing to do commit nothing)
      if (json) {
        out().println(Json.compact(result(current.version(), wanted.version(), 0, 0, 0, 0, false)));
      } else {
        out().printf("nothing to restore: version %d of %s already has the data files of version %d;"
            + " nothing was committed%n", current.version(), t.location(), wanted.version());
      }
      return;
    }
    Restore restore = t.restore();
    restore = target.version != null ? restore.toVersion(target.version) : restore.toTimestamp(target.asOf);
    RestoreResult r = restore.commit();
    if (json) {
      out().println(Json.compact(result(r.version(), r.restoredVersion(), r.numRestoredFiles(), r.numRemovedFiles(),
          r.restoredBytes(), r.removedBytes(), true)));
      return;
    }
    out().printf("restored %s to version %d as version %d: %d %s added back, %d removed%n", t.location(),
        r.restoredVersion(), r.version(), r.numRestoredFiles(), r.numRestoredFiles() == 1 ? "file" : "files",
        r.numRemovedFiles());
  }

  private static Set<String> livePaths(Snapshot s) {
    return s.dataFiles().stream().map(f -> f.path()).collect(Collectors.toSet());
  }

  private static ObjectNode result(long version, long restoredVersion, long restoredFiles, long removedFiles,
      long restoredBytes, long removedBytes, boolean committed) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("version", version);
    o.put("restoredVersion", restoredVersion);
    o.put("numRestoredFiles", restoredFiles);
    o.put("numRemovedFiles", removedFiles);
    o.put("restoredBytes", restoredBytes);
    o.put("removedBytes", removedBytes);
    o.put("committed", committed);
    return o;
  }
}

package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.ops.Restore;
import io.tidemark.core.ops.RestoreResult;
import java.time.Instant;
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

  @Option(names = "--json", description = "Print one JSON object: version, restoredVersion, numRestoredFiles,"
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
    Table t = Tables.open(table);
    Restore restore = t.restore();
    restore = target.version != null ? restore.toVersion(target.version) : restore.toTimestamp(target.asOf);
    RestoreResult r = restore.commit();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("version", r.version());
      o.put("restoredVersion", r.restoredVersion());
      o.put("numRestoredFiles", r.numRestoredFiles());
      o.put("numRemovedFiles", r.numRemovedFiles());
      o.put("restoredBytes", r.restoredBytes());
      o.put("removedBytes", r.removedBytes());
      out().println(Json.compact(o));
      return;
    }
    out().printf("restored %s to version %d as version %d: %d %s added back, %d removed%n", t.location(),
        r.restoredVersion(), r.version(), r.numRestoredFiles(), r.numRestoredFiles() == 1 ? "file" : "files",
        r.numRemovedFiles());
  }
}

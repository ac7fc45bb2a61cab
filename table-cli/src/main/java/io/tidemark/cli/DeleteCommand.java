package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.DeleteResult;
import io.tidemark.core.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark delete TABLE --where FILTER [--json]}. */
@Command(name = "delete", header = "Deletes the rows matching a filter in one commit.", description = {"Deletes the rows matching a filter in one commit (DELETE). Files whose",
    "statistics prove every row matches are removed without being read; other files",
    "holding matching rows are rewritten without them."},
    footer = {"", "Example:", "  tidemark delete /data/events --where \"ts < '2024-01-01'\""})
final class DeleteCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--where", paramLabel = "FILTER", required = true,
      description = "The rows to delete, in the filter language of 'tidemark scan --where'.")
  String where;

  @Option(names = "--json", description = "Print one JSON object: version (-1: nothing matched), numDeletedRows,"
      + " numRemovedFiles, numRemovedFilesUnread, numAddedFiles, numCopiedRows.")
  boolean json;

  @Override
  void run() {
    if (where.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--where must not be empty");
    }
    Table t = open(table);
    DeleteResult r = t.newDelete().where(where).commit();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("version", r.version());
      o.put("numDeletedRows", r.numDeletedRows());
      o.put("numRemovedFiles", r.numRemovedFiles());
      o.put("numRemovedFilesUnread", r.numRemovedFilesUnread());
      o.put("numAddedFiles", r.numAddedFiles());
      o.put("numCopiedRows", r.numCopiedRows());
      out().println(Json.compact(o));
      return;
    }
    if (!r.committed()) {
      out().println("no row of " + t.location() + " matches; nothing deleted");
      return;
    }
    out().printf("deleted %d %s from %s in version %d: %d %s removed (%d without reading), %d written%n",
        r.numDeletedRows(), r.numDeletedRows() == 1 ? "row" : "rows", t.location(), r.version(), r.numRemovedFiles(),
        r.numRemovedFiles() == 1 ? "file" : "files", r.numRemovedFilesUnread(), r.numAddedFiles());
  }
}

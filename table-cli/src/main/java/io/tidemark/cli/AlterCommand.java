package io.tidemark.cli;

import io.tidemark.core.EvolutionResult;
import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.core.UpdateSchema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.Type;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark alter TABLE ACTION ARGS...}: schema and partition evolution. */
@Command(name = "alter", header = "Changes a table's schema or partition spec without rewriting data.", description = {"Changes a table's schema or partition spec in one metadata-only commit;",
    "no data file is rewritten (files are read by field id). ACTION is one of:",
    "  add-column NAME TYPE [--first | --after COL | --before COL] [--required]",
    "                       a new column, optional unless --required (only on an",
    "                       empty table); NAME a.b adds b to struct a",
    "  drop-column NAME     not a partition source column in use, not the last one",
    "  rename-column OLD NEW",
    "  move-column NAME (--first | --after COL | --before COL)",
    "  widen-column NAME TYPE   int -> long, float -> double,",
    "                       decimal(p,s) -> decimal(p',s) with p' > p",
    "  set-optional NAME    a required column becomes optional",
    "  partition-by \"EXPR, ...\"  a new partition spec for new files, e.g.",
    "                       \"day(ts), bucket(16, id)\" (\"\" for unpartitioned);",
    "                       files written before keep their spec",
    "Nested columns are named a.b. TYPE is as in 'tidemark create' (e.g. long,",
    "decimal(12,2), struct<x: double>). A refused change prints why and commits nothing."},
    footer = {"", "Examples:", "  tidemark alter /data/orders add-column country string --after id",
        "  tidemark alter /data/orders rename-column amount total",
        "  tidemark alter /data/orders partition-by \"month(ts)\""})
final class AlterCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Parameters(index = "1", paramLabel = "ACTION", description = "What to change (see above).")
  String action;

  @Parameters(index = "2..*", paramLabel = "ARG", description = "The action's arguments.")
  List<String> args = new ArrayList<>();

  @Option(names = "--first", description = "add-column, move-column: first in its struct.")
  boolean first;

  @Option(names = "--after", paramLabel = "COL", description = "add-column, move-column: right after COL.")
  String after;

  @Option(names = "--before", paramLabel = "COL", description = "add-column, move-column: right before COL.")
  String before;

  @Option(names = "--required", description = "add-column: a required column (the table must be empty).")
  boolean required;

  @Override
  void run() {
    Table t = open(table);
    int placements = (first ? 1 : 0) + (after != null ? 1 : 0) + (before != null ? 1 : 0);
    if (placements > 1) {
      throw new CliException("give at most one of --first, --after and --before");
    }
    boolean placing = action.equals("add-column") || action.equals("move-column");
    if (placements > 0 && !placing) {
      throw new CliException("--first, --after and --before apply to add-column and move-column only");
    }
    if (required && !action.equals("add-column")) {
      throw new CliException("--required applies to add-column only");
    }
    EvolutionResult result;
    String what;
    switch (action) {
      case "add-column" -> {
        need(2, "NAME TYPE");
        Type type = SchemaDdl.parseType(args.get(1));
        UpdateSchema u = required ? t.updateSchema().addRequiredColumn(args.get(0), type)
            : t.updateSchema().addColumn(args.get(0), type);
        result = place(u).commit();
        what = "added column " + args.get(0) + " " + type + (required ? " not null" : "");
      }
      case "move-column" -> {
        need(1, "NAME");
        if (placements == 0) {
          throw new CliException("move-column needs --first, --after COL or --before COL");
        }
        String name = args.get(0);
        UpdateSchema u = t.updateSchema();
        u = first ? u.moveFirst(name) : after != null ? u.moveAfter(name, after) : u.moveBefore(name, before);
        result = u.commit();
        what = "moved column " + name;
      }
      case "drop-column" -> {
        need(1, "NAME");
        result = t.updateSchema().dropColumn(args.get(0)).commit();
        what = "dropped column " + args.get(0);
      }
      case "rename-column" -> {
        need(2, "OLD NEW");
        result = t.updateSchema().renameColumn(args.get(0), args.get(1)).commit();
        what = "renamed column " + args.get(0) + " to " + args.get(1);
      }
      case "widen-column" -> {
        need(2, "NAME TYPE");
        Type type = SchemaDdl.parseType(args.get(1));
        result = t.updateSchema().widenColumn(args.get(0), type).commit();
        what = "widened column " + args.get(0) + " to " + type;
      }
      case "set-optional" -> {
        need(1, "NAME");
        result = t.updateSchema().makeOptional(args.get(0)).commit();
        what = "made column " + args.get(0) + " optional";
      }
      case "partition-by" -> {
        need(1, "\"EXPR, ...\"");
        result = t.updateSpec().replaceWith(args.get(0)).commit();
        TableMetadata m = result.metadata();
        what = "partition spec " + m.defaultSpecId() + ": "
            + (m.defaultSpec().isUnpartitioned() ? "unpartitioned" : m.defaultSpec().format(m.schema()));
      }
      default -> throw new CliException("unknown alter action '" + action + "'; actions are add-column, drop-column,"
          + " rename-column, move-column, widen-column, set-optional, partition-by");
    }
    TableMetadata m = result.metadata();
    out().println(what + " as version " + result.version() + " (schema id " + m.schemaId() + ", partition spec "
        + m.defaultSpecId() + ")");
  }

  private UpdateSchema place(UpdateSchema u) {
    if (first) {
      return u.first();
    } else if (after != null) {
      return u.after(after);
    } else if (before != null) {
      return u.before(before);
    }
    return u;
  }

  private void need(int n, String usage) {
    if (args.size() != n) {
      throw new CliException(action + " takes " + usage + " (" + n + " argument" + (n == 1 ? "" : "s") + "), got "
          + args.size() + (args.isEmpty() ? "" : ": " + String.join(" ", args)));
    }
  }
}

package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.CommitResult;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.UpdateProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark properties TABLE [set KEY=VALUE... | unset KEY...]}. */
@Command(name = "properties", header = "Shows a table's properties, or sets and unsets them.", description = {"Shows a table's properties, or changes them in one metadata-only commit.",
    "  (no action)          prints KEY=VALUE lines of the properties set",
    "  set KEY=VALUE...     sets properties",
    "  unset KEY...         removes properties (their defaults apply again);",
    "                       a key that is not set is skipped",
    "Keys: write.target-file-size-bytes, write.parquet.compression,",
    "commit.retry.max-attempts, commit.retry.min-wait-ms, commit.retry.max-wait-ms,",
    "checkpoint.interval, checkpoint.manifest.max-files, log.retention.enabled,",
    "and any key starting with user. (free for applications). Another key or an",
    "invalid value is refused and nothing is committed."},
    footer = {"", "Examples:", "  tidemark properties /data/orders",
        "  tidemark properties /data/orders set write.parquet.compression=zstd",
        "  tidemark properties /data/orders set user.owner=ingest",
        "  tidemark properties /data/orders unset user.owner"})
final class PropertiesCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Parameters(index = "1", paramLabel = "ACTION", arity = "0..1", description = "set or unset (none: show).")
  String action;

  @Parameters(index = "2..*", paramLabel = "ARG", description = "KEY=VALUE for set, KEY for unset.")
  List<String> args = new ArrayList<>();

  @Option(names = "--version", paramLabel = "N",
      description = "Show the properties of this version (default: the newest).")
  Long version;

  @Option(names = "--json", description = "Show as JSON: version and properties.")
  boolean json;

  @Override
  void run() {
    Table t = open(table);
    if (action == null) {
      show(version == null ? t.refresh() : t.snapshot(version));
      return;
    }
    if (version != null || json) {
      throw new CliException("--version and --json apply to showing the properties, not to " + action);
    }
    if (args.isEmpty()) {
      throw new CliException(action + " needs at least one " + ("set".equals(action) ? "KEY=VALUE" : "KEY"));
    }
    UpdateProperties update = t.updateProperties();
    switch (action) {
      case "set" -> {
        for (String arg : args) {
          int eq = arg.indexOf('=');
          if (eq <= 0) {
            throw new CliException("set takes KEY=VALUE arguments, got '" + arg + "'");
          }
          update.set(arg.substring(0, eq).strip(), arg.substring(eq + 1));
        }
      }
      case "unset" -> args.forEach(update::unset);
      default -> throw new CliException("unknown properties action '" + action + "'; actions are set and unset"
          + " (none shows the properties)");
    }
    CommitResult result = update.commit();
    out().println(action + " " + String.join(" ", args) + " as version " + result.version());
  }

  private void show(Snapshot s) {
    Map<String, String> properties = s.metadata().properties(); // sorted by key
    if (json) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("version", s.version());
      ObjectNode props = node.putObject("properties");
      properties.forEach(props::put);
      out().println(Json.pretty(node));
      return;
    }
    out().println("version " + s.version());
    if (properties.isEmpty()) {
      out().println("(no properties set: every property has its default)");
    }
    properties.forEach((key, value) -> out().println(key + "=" + value));
  }
}

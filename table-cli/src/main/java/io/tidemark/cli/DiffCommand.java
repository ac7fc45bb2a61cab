package io.tidemark.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.DataFile;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.NestedField;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark diff TABLE FROM TO [--json]}. */
@Command(name = "diff", header = "Shows what changed in a table between two versions.",
    description = {"Compares two versions of a table: data files added and removed with their",
        "rows and bytes, columns added, dropped, renamed or retyped (by field id), the",
        "default partition spec, and properties set, changed or removed. FROM and TO are",
        "version numbers or timestamps (the newest version committed at or before it)."},
    footer = {"", "Examples:", "  tidemark diff /data/orders 3 7",
        "  tidemark diff /data/orders 2024-01-02 '2024-01-03 12:00:00' --json"})
final class DiffCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Parameters(index = "1", paramLabel = "FROM", description = "The older version, or a timestamp.")
  String from;

  @Parameters(index = "2", paramLabel = "TO", description = "The newer version, or a timestamp.")
  String to;

  @Option(names = "--json", description = {"Print one JSON object: from, to, filesAdded and filesRemoved",
      "(path, rows, bytes), rowsAdded, rowsRemoved, bytesAdded, bytesRemoved, columns",
      "(id, change, before, after), defaultSpec (before, after), properties (key, before, after)."})
  boolean json;

  /** One file added or removed. */
  record FileChange(String path, long rows, long bytes) {}

  /** One change of a column, property or spec: before and after (null when absent). */
  record Change(String what, String change, String before, String after) {}

  @Override
  void run() {
    Table t = open(table);
    Snapshot a = snapshot(t, from);
    Snapshot b = snapshot(t, to);
    List<FileChange> added = difference(b, a);
    List<FileChange> removed = difference(a, b);
    List<Change> columns = columns(a.metadata(), b.metadata());
    List<Change> properties = properties(a.metadata().properties(), b.metadata().properties());
    String specBefore = spec(a.metadata());
    String specAfter = spec(b.metadata());
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("from", a.version());
      o.put("to", b.version());
      files(o.putArray("filesAdded"), added);
      files(o.putArray("filesRemoved"), removed);
      o.put("rowsAdded", added.stream().mapToLong(FileChange::rows).sum());
      o.put("rowsRemoved", removed.stream().mapToLong(FileChange::rows).sum());
      o.put("bytesAdded", added.stream().mapToLong(FileChange::bytes).sum());
      o.put("bytesRemoved", removed.stream().mapToLong(FileChange::bytes).sum());
      changes(o.putArray("columns"), columns, "id");
      o.putObject("defaultSpec").put("before", specBefore).put("after", specAfter);
      changes(o.putArray("properties"), properties, "key");
      out().println(Json.pretty(o));
      return;
    }
    PrintWriter out = out();
    out.printf("from version %d (%s) to version %d (%s)%n", a.version(), Timestamps.millis(a.timestamp()),
        b.version(), Timestamps.millis(b.timestamp()));
    out.printf("data        +%d files (%d rows, %s), -%d files (%d rows, %s)%n", added.size(),
        added.stream().mapToLong(FileChange::rows).sum(), Sizes.format(added.stream().mapToLong(FileChange::bytes).sum()),
        removed.size(), removed.stream().mapToLong(FileChange::rows).sum(),
        Sizes.format(removed.stream().mapToLong(FileChange::bytes).sum()));
    added.forEach(f -> out.println("  + " + f.path() + "  " + f.rows() + " rows"));
    removed.forEach(f -> out.println("  - " + f.path() + "  " + f.rows() + " rows"));
    out.println("columns     " + (columns.isEmpty() ? "unchanged" : ""));
    columns.forEach(c -> out.println("  " + c.change() + " " + c.what() + ": " + describe(c)));
    out.println("partitions  " + (specBefore.equals(specAfter) ? "unchanged: " + specAfter : specBefore + " -> " + specAfter));
    out.println("properties  " + (properties.isEmpty() ? "unchanged" : ""));
    properties.forEach(p -> out.println("  " + p.change() + " " + p.what() + ": " + describe(p)));
  }

  private Snapshot snapshot(Table t, String at) {
    if (at.strip().matches("\\d+")) {
      return t.snapshot(Long.parseLong(at.strip()));
    }
    Instant instant;
    try {
      instant = Expressions.parseTimestamp(at);
    } catch (InvalidArgumentException e) {
      throw new ParameterException(spec.commandLine(), "'" + at + "' is neither a version nor a timestamp;"
          + " use a version number or an ISO instant such as 2024-01-02T10:00:00.123Z");
    }
    return t.snapshotAsOf(instant);
  }

  /** Files live in {@code a} but not in {@code b}. */
  private static List<FileChange> difference(Snapshot a, Snapshot b) {
    java.util.Set<String> other = new java.util.HashSet<>();
    b.dataFiles().forEach(f -> other.add(f.path()));
    List<FileChange> files = new ArrayList<>();
    for (DataFile f : a.dataFiles()) {
      if (!other.contains(f.path())) {
        files.add(new FileChange(f.path(), f.recordCount(), f.fileSizeBytes()));
      }
    }
    return files;
  }

  private static List<Change> columns(TableMetadata a, TableMetadata b) {
    Map<Integer, NestedField> before = new LinkedHashMap<>();
    a.schema().columns().forEach(f -> before.put(f.id(), f));
    Map<Integer, NestedField> after = new LinkedHashMap<>();
    b.schema().columns().forEach(f -> after.put(f.id(), f));
    List<Change> changes = new ArrayList<>();
    for (NestedField f : b.schema().columns()) {
      NestedField old = before.get(f.id());
      if (old == null) {
        changes.add(new Change(Integer.toString(f.id()), "added", null, column(f)));
      } else if (!column(old).equals(column(f))) {
        String change = !old.name().equals(f.name()) ? "renamed" : !old.type().equals(f.type()) ? "retyped" : "changed";
        changes.add(new Change(Integer.toString(f.id()), change, column(old), column(f)));
      }
    }
    for (NestedField f : a.schema().columns()) {
      if (!after.containsKey(f.id())) {
        changes.add(new Change(Integer.toString(f.id()), "dropped", column(f), null));
      }
    }
    return changes;
  }

  private static String column(NestedField f) {
    return f.name() + " " + f.type() + (f.required() ? " not null" : "");
  }

  private static List<Change> properties(Map<String, String> a, Map<String, String> b) {
    List<Change> changes = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      String before = a.get(k);
      String after = b.get(k);
      if (!Objects.equals(before, after)) {
        changes.add(new Change(k, before == null ? "set" : after == null ? "removed" : "changed", before, after));
      }
    }
    return changes;
  }

  private static String spec(TableMetadata m) {
    PartitionSpec spec = m.defaultSpec();
    return spec.specId() + ": " + (spec.isUnpartitioned() ? "unpartitioned" : spec.format(m.schema()));
  }

  private static String describe(Change c) {
    return c.before() == null ? c.after() : c.after() == null ? c.before() : c.before() + " -> " + c.after();
  }

  private static void files(ArrayNode array, List<FileChange> files) {
    files.forEach(f -> array.addObject().put("path", f.path()).put("rows", f.rows()).put("bytes", f.bytes()));
  }

  private static void changes(ArrayNode array, List<Change> changes, String key) {
    for (Change c : changes) {
      ObjectNode o = array.addObject();
      if (key.equals("id")) {
        o.put("id", Integer.parseInt(c.what()));
      } else {
        o.put(key, c.what());
      }
      o.put("change", c.change()).put("before", c.before()).put("after", c.after());
    }
  }
}

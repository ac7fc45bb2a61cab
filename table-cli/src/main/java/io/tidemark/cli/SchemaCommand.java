package io.tidemark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.TableMetadata;
import io.tidemark.spec.json.SchemaJson;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidemark schema TABLE [--version N] [--json]}. */
@Command(name = "schema", header = "Prints the schema of a table with field ids and partition spec.", description = {"Prints the schema of a table's newest version (or of --version N):",
    "every field with its id, type and nullability, nested fields indented, then the",
    "schema id and the partition spec new files are written with."},
    footer = {"", "Examples:", "  tidemark schema /data/orders", "  tidemark schema /data/orders --version 3 --json"})
final class SchemaCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Option(names = "--version", paramLabel = "N", description = "The version to show (default: the newest).")
  Long version;

  @Option(names = "--json", description = "Print JSON: version, schemaId, lastColumnId, schema (spec.md 5.1),"
      + " defaultSpecId and the partition spec in short form.")
  boolean json;

  @Override
  void run() throws Exception {
    Table t = open(table);
    Snapshot s = version == null ? t.refresh() : t.snapshot(version);
    TableMetadata m = s.metadata();
    PartitionSpec spec = m.defaultSpec();
    if (json) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("version", s.version());
      node.put("schemaId", m.schemaId());
      node.put("lastColumnId", m.lastColumnId());
      JsonNode schema = Json.MAPPER.readTree(SchemaJson.toJson(m.schema()));
      node.set("schema", schema);
      node.put("defaultSpecId", m.defaultSpecId());
      node.put("partitionSpec", spec.format(m.schema()));
      out().println(Json.pretty(node));
      return;
    }
    out().println("version " + s.version() + ", schema id " + m.schemaId() + ", last column id " + m.lastColumnId());
    printFields(m.schema(), "", out());
    out().println("partition spec " + m.defaultSpecId() + ": "
        + (spec.isUnpartitioned() ? "unpartitioned" : spec.format(m.schema())));
  }

  /** Every field with its id, type and nullability, nested fields indented, each line after {@code indent}. */
  static void printFields(Schema schema, String indent, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "FIELD", "TYPE", "NULLABLE"});
    for (NestedField f : schema.columns()) {
      add(rows, f, "");
    }
    int[] widths = new int[3];
    for (String[] r : rows) {
      for (int i = 0; i < 3; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      out.println(indent + String.format("%" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
          r[0], r[1], r[2], r[3]).stripTrailing());
    }
  }

  private static void add(List<String[]> rows, NestedField f, String indent) {
    rows.add(new String[] {Integer.toString(f.id()), indent + f.name(), f.type().toString(),
        f.required() ? "no" : "yes"});
    nested(rows, f.type(), indent + "  ");
  }

  private static void nested(List<String[]> rows, Type type, String indent) {
    if (type instanceof StructType s) {
      for (NestedField c : s.fields()) {
        add(rows, c, indent);
      }
    } else if (type instanceof ListType l) {
      add(rows, new NestedField(l.elementId(), "element", l.elementType(), l.elementRequired(), null), indent);
    } else if (type instanceof MapType m) {
      add(rows, new NestedField(m.keyId(), "key", m.keyType(), true, null), indent);
      add(rows, new NestedField(m.valueId(), "value", m.valueType(), m.valueRequired(), null), indent);
    }
  }
}

package io.tidemark.spec.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.DeletionVector;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transforms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each action's JSON object: field names and shapes exactly as spec.md lists them. */
final class ActionJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ActionJson() {}

  static ObjectNode toNode(Action action) {
    if (action instanceof CommitInfo c) {
      return commitInfo(c);
    } else if (action instanceof Protocol p) {
      return protocol(p);
    } else if (action instanceof Metadata m) {
      return metadata(m);
    } else if (action instanceof Txn t) {
      return txn(t);
    } else if (action instanceof RemoveFile r) {
      return remove(r);
    } else if (action instanceof AddFile a) {
      return add(a);
    }
    throw new IllegalStateException("unhandled action " + action);
  }

  static Action fromNode(String name, JsonNode node) {
    Fields f = new Fields(node, "action '" + name + "'");
    switch (name) {
      case "commitInfo":
        return commitInfo(f);
      case "protocol":
        return new Protocol(f.intValue("minReaderVersion"), f.intValue("minWriterVersion"),
            new HashSet<>(f.strings("readerFeatures")), new HashSet<>(f.strings("writerFeatures")));
      case "metadata":
        return metadata(f);
      case "txn":
        return new Txn(f.string("appId"), f.longValue("version"), f.optionalLong("lastUpdated"));
      case "remove":
        return new RemoveFile(f.string("path"), f.longValue("deletionTimestamp"), f.bool("dataChange"),
            f.optionalLong("size"), f.optionalLong("recordCount"));
      case "add":
        return add(f);
      default:
        throw new JsonFormatException("unknown action '" + name + "'");
    }
  }

  private static ObjectNode commitInfo(CommitInfo c) {
    ObjectNode o = NODES.objectNode();
    o.put("timestamp", c.timestamp());
    o.put("operation", c.operation());
    putStrings(o.putObject("operationParameters"), c.operationParameters());
    if (c.readVersion() != null) {
      o.put("readVersion", c.readVersion());
    }
    o.put("isolationLevel", c.isolationLevel());
    o.put("isBlindAppend", c.blindAppend());
    o.put("txnId", c.txnId());
    ObjectNode metrics = o.putObject("operationMetrics");
    c.operationMetrics().forEach(metrics::put);
    if (c.engineInfo() != null) {
      o.put("engineInfo", c.engineInfo());
    }
    o.put("actionCount", c.actionCount());
    return o;
  }

  private static CommitInfo commitInfo(Fields f) {
    return new CommitInfo(f.longValue("timestamp"), f.string("operation"), f.stringMap("operationParameters"),
        f.optionalLong("readVersion"), f.string("isolationLevel"), f.bool("isBlindAppend"), f.string("txnId"),
        f.longMap("operationMetrics"), f.optionalString("engineInfo"), f.intValue("actionCount"));
  }

  private static ObjectNode protocol(Protocol p) {
    ObjectNode o = NODES.objectNode();
    o.put("minReaderVersion", p.minReaderVersion());
    o.put("minWriterVersion", p.minWriterVersion());
    ArrayNode rf = o.putArray("readerFeatures");
    p.readerFeatures().forEach(rf::add);
    ArrayNode wf = o.putArray("writerFeatures");
    p.writerFeatures().forEach(wf::add);
    return o;
  }

  private static ObjectNode metadata(Metadata m) {
    ObjectNode o = NODES.objectNode();
    o.put("tableId", m.tableId());
    o.put("schemaId", m.schemaId());
    o.set("schema", SchemaJson.toNode(m.schema()));
    o.put("lastColumnId", m.lastColumnId());
    ArrayNode specs = o.putArray("partitionSpecs");
    for (PartitionSpec spec : m.partitionSpecs()) {
      ObjectNode so = specs.addObject();
      so.put("specId", spec.specId());
      ArrayNode fields = so.putArray("fields");
      for (PartitionField pf : spec.fields()) {
        ObjectNode fo = fields.addObject();
        fo.put("sourceId", pf.sourceId());
        fo.put("fieldId", pf.fieldId());
        fo.put("name", pf.name());
        fo.put("transform", pf.transform().toString());
      }
    }
    o.put("defaultSpecId", m.defaultSpecId());
    o.put("lastPartitionId", m.lastPartitionId());
    putStrings(o.putObject("properties"), m.properties());
    o.put("createdTime", m.createdTime());
    return o;
  }

  private static Metadata metadata(Fields f) {
    JsonNode specsNode = f.required("partitionSpecs");
    if (!specsNode.isArray()) {
      throw new JsonFormatException("action 'metadata' field 'partitionSpecs' must be an array");
    }
    List<PartitionSpec> specs = new ArrayList<>();
    for (JsonNode specNode : specsNode) {
      Fields sf = new Fields(specNode, "partition spec");
      JsonNode fieldsNode = sf.required("fields");
      if (!fieldsNode.isArray()) {
        throw new JsonFormatException("partition spec field 'fields' must be an array");
      }
      List<PartitionField> fields = new ArrayList<>();
      for (JsonNode fieldNode : fieldsNode) {
        Fields pf = new Fields(fieldNode, "partition field");
        // an unknown transform is an InvalidArgumentException, which the codec reports as corrupt
        fields.add(new PartitionField(pf.intValue("sourceId"), pf.intValue("fieldId"), pf.string("name"),
            Transforms.parse(pf.string("transform"))));
      }
      specs.add(new PartitionSpec(sf.intValue("specId"), fields));
    }
    return new Metadata(f.string("tableId"), f.intValue("schemaId"), SchemaJson.fromNode(f.required("schema")),
        f.intValue("lastColumnId"), specs, f.intValue("defaultSpecId"), f.intValue("lastPartitionId"),
        f.stringMap("properties"), f.longValue("createdTime"));
  }

  private static ObjectNode txn(Txn t) {
    ObjectNode o = NODES.objectNode();
    o.put("appId", t.appId());
    o.put("version", t.version());
    if (t.lastUpdated() != null) {
      o.put("lastUpdated", t.lastUpdated());
    }
    return o;
  }

  private static ObjectNode remove(RemoveFile r) {
    ObjectNode o = NODES.objectNode();
    o.put("path", r.path());
    o.put("deletionTimestamp", r.deletionTimestamp());
    o.put("dataChange", r.dataChange());
    if (r.size() != null) {
      o.put("size", r.size());
    }
    if (r.recordCount() != null) {
      o.put("recordCount", r.recordCount());
    }
    return o;
  }

  private static ObjectNode add(AddFile a) {
    ObjectNode o = NODES.objectNode();
    o.put("path", a.path());
    ObjectNode pv = o.putObject("partitionValues");
    a.partitionValues().forEach((k, v) -> pv.set(k, scalar(v)));
    o.put("specId", a.specId());
    o.put("size", a.size());
    o.put("recordCount", a.recordCount());
    ObjectNode stats = o.putObject("stats");
    a.stats().forEach((id, s) -> stats.set(Integer.toString(id), statsNode(s)));
    o.put("dataChange", a.dataChange());
    if (a.deletionVector() != null) {
      o.set("deletionVector", deletionVector(a.deletionVector()));
    }
    return o;
  }

  private static ObjectNode deletionVector(DeletionVector dv) {
    ObjectNode o = NODES.objectNode();
    if (dv.isInline()) {
      o.put("inline", dv.inline());
    } else {
      o.put("path", dv.path());
      o.put("offset", dv.offset());
    }
    o.put("size", dv.size());
    o.put("cardinality", dv.cardinality());
    return o;
  }

  private static DeletionVector deletionVector(Fields f) {
    Long offset = f.optionalLong("offset");
    return new DeletionVector(f.optionalString("path"), offset == null ? 0 : offset, f.optionalString("inline"),
        f.longValue("size"), f.longValue("cardinality"));
  }

  private static AddFile add(Fields f) {
    Map<Integer, ColumnStats> stats = new TreeMap<>();
    JsonNode statsNode = f.optional("stats");
    if (statsNode != null) {
      if (!statsNode.isObject()) {
        throw new JsonFormatException("action 'add' field 'stats' must be an object keyed by field id");
      }
      for (Map.Entry<String, JsonNode> e : statsNode.properties()) {
        int fieldId;
        try {
          fieldId = Integer.parseInt(e.getKey());
        } catch (NumberFormatException ex) {
          throw new JsonFormatException("action 'add' stats key '" + e.getKey() + "' is not a field id");
        }
        stats.put(fieldId, stats(new Fields(e.getValue(), "stats of field " + fieldId)));
      }
    }
    JsonNode dv = f.optional("deletionVector");
    return new AddFile(f.string("path"), f.scalarMap("partitionValues"), f.intValue("specId"),
        f.longValue("size"), f.longValue("recordCount"), stats, f.bool("dataChange"),
        dv == null ? null : deletionVector(new Fields(dv, "action 'add' field 'deletionVector'")));
  }

  /** One column's statistics as JSON (also used for manifest bounds in checkpoints). */
  static ObjectNode statsNode(ColumnStats s) {
    ObjectNode so = NODES.objectNode();
    so.put("nullCount", s.nullCount());
    if (s.nanCount() != null) {
      so.put("nanCount", s.nanCount());
    }
    if (s.min() != null) {
      so.set("min", scalar(s.min()));
    }
    if (s.max() != null) {
      so.set("max", scalar(s.max()));
    }
    return so;
  }

  static ColumnStats stats(Fields f) {
    return new ColumnStats(f.longValue("nullCount"), f.optionalLong("nanCount"), f.scalar("min"), f.scalar("max"));
  }

  private static JsonNode scalar(Object v) {
    if (v == null) {
      return NODES.nullNode();
    } else if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (v instanceof Long l) {
      return NODES.numberNode(l);
    } else if (v instanceof Integer i) {
      return NODES.numberNode(i.longValue());
    } else if (v instanceof Double d) {
      return NODES.numberNode(d);
    } else if (v instanceof String s) {
      return NODES.textNode(s);
    }
    throw new IllegalArgumentException("not a JSON scalar: " + v.getClass().getName());
  }

  private static void putStrings(ObjectNode o, Map<String, String> map) {
    map.forEach(o::put);
  }
}

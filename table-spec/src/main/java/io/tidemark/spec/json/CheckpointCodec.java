package io.tidemark.spec.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.TidemarkException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes checkpoint files ({@code _log/<version>.checkpoint.json}): newline-delimited
 * JSON whose first line is {@code {"checkpoint": {...}}} with the version, timestamp and line
 * count, followed by protocol, metadata, txn and {@code manifest} lines. Also the JSON of one add
 * action, used for the rows of manifest files.
 */
public final class CheckpointCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CheckpointCodec() {}

  /** Encodes a checkpoint. */
  public static byte[] encode(Checkpoint checkpoint) {
    List<ObjectNode> lines = new ArrayList<>();
    lines.add(wrap("protocol", ActionJson.toNode(checkpoint.protocol())));
    lines.add(wrap("metadata", ActionJson.toNode(checkpoint.metadata())));
    for (Txn txn : checkpoint.txns()) {
      lines.add(wrap("txn", ActionJson.toNode(txn)));
    }
    for (ManifestEntry m : checkpoint.manifests()) {
      lines.add(wrap("manifest", manifest(m)));
    }
    ObjectNode header = NODES.objectNode();
    header.put("version", checkpoint.version());
    header.put("timestamp", checkpoint.timestamp());
    header.put("numFiles", checkpoint.fileCount());
    header.put("numRecords", checkpoint.recordCount());
    header.put("lineCount", lines.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(wrap("checkpoint", header).toString().getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    for (ObjectNode line : lines) {
      out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    return out.toByteArray();
  }

  /**
   * Decodes a checkpoint strictly.
   *
   * @throws CorruptLogException naming the file and line when it is damaged or incomplete
   */
  public static Checkpoint decode(String file, byte[] content) {
    if (content.length == 0 || content[content.length - 1] != '\n') {
      throw new CorruptLogException(file, 0, "checkpoint is empty or its last line is not terminated");
    }
    // split on bytes, like commits: a newline byte never occurs inside a multi-byte UTF-8 sequence
    List<String> lineList = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        lineList.add(CommitCodec.utf8(file, lineList.size() + 1, content, start, i - start));
        start = i + 1;
      }
    }
    String[] lines = lineList.toArray(new String[0]);
    JsonNode headerNode = line(file, 1, lines[0], "checkpoint");
    Protocol protocol = null;
    Metadata metadata = null;
    List<Txn> txns = new ArrayList<>();
    List<ManifestEntry> manifests = new ArrayList<>();
    try {
      Fields header = new Fields(headerNode, "checkpoint header");
      long version = header.longValue("version");
      long timestamp = header.longValue("timestamp");
      if (timestamp < CommitInfo.MIN_TIMESTAMP || timestamp > CommitInfo.MAX_TIMESTAMP) {
        throw new CorruptLogException(file, 1, "timestamp " + timestamp + " is outside the range of in-commit timestamps");
      }
      int lineCount = header.intValue("lineCount");
      if (lineCount != lines.length - 1) {
        throw new CorruptLogException(file, 0, "header says " + lineCount + " lines follow but the file has "
            + (lines.length - 1) + " (truncated or damaged)");
      }
      for (int i = 1; i < lines.length; i++) {
        JsonNode wrapper = parse(file, i + 1, lines[i]);
        String name = wrapper.fieldNames().next();
        JsonNode body = wrapper.get(name);
        try {
          switch (name) {
            case "protocol" -> protocol = (Protocol) ActionJson.fromNode(name, body);
            case "metadata" -> metadata = (Metadata) ActionJson.fromNode(name, body);
            case "txn" -> txns.add((Txn) ActionJson.fromNode(name, body));
            case "manifest" -> manifests.add(manifest(new Fields(body, "manifest")));
            default -> throw new JsonFormatException("unknown checkpoint line '" + name + "'");
          }
        } catch (JsonFormatException | TidemarkException | IllegalArgumentException | ClassCastException e) {
          if (e instanceof CorruptLogException c) {
            throw c;
          }
          throw new CorruptLogException(file, i + 1, e.getMessage(), e);
        }
      }
      if (protocol == null || metadata == null) {
        throw new CorruptLogException(file, 0, "checkpoint lacks protocol or metadata");
      }
      Checkpoint checkpoint = new Checkpoint(version, timestamp, protocol, metadata, txns, manifests);
      long numFiles = header.longValue("numFiles");
      long numRecords = header.longValue("numRecords");
      if (numFiles != checkpoint.fileCount() || numRecords != checkpoint.recordCount()) {
        throw new CorruptLogException(file, 1, "header says " + numFiles + " files and " + numRecords
            + " records but its manifests list " + checkpoint.fileCount() + " and " + checkpoint.recordCount());
      }
      return checkpoint;
    } catch (JsonFormatException e) {
      throw new CorruptLogException(file, 1, e.getMessage(), e);
    }
  }

  /** The JSON text of one add action (a manifest row). */
  public static String addToJson(AddFile add) {
    return ActionJson.toNode(add).toString();
  }

  /**
   * Parses the JSON text of one add action.
   *
   * @throws CorruptLogException naming the manifest when it is not a valid add
   */
  public static AddFile addFromJson(String manifest, long row, String json) {
    AddFile plain = FastAddReader.read(json);
    if (plain != null) {
      return plain;
    }
    try {
      return (AddFile) ActionJson.fromNode("add", CommitCodec.MAPPER.readTree(json));
    } catch (JsonProcessingException | JsonFormatException | TidemarkException | IllegalArgumentException e) {
      throw new CorruptLogException(manifest, (int) Math.min(Integer.MAX_VALUE, row), "invalid add: " + e.getMessage(), e);
    }
  }

  private static JsonNode line(String file, int number, String text, String expected) {
    JsonNode wrapper = parse(file, number, text);
    if (!wrapper.has(expected)) {
      throw new CorruptLogException(file, number, "expected a '" + expected + "' line");
    }
    return wrapper.get(expected);
  }

  private static JsonNode parse(String file, int number, String text) {
    try {
      JsonNode node = CommitCodec.MAPPER.readTree(text);
      if (node == null || !node.isObject() || node.size() != 1) {
        throw new CorruptLogException(file, number, "a line must be a JSON object with exactly one key");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new CorruptLogException(file, number, "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode wrap(String name, JsonNode body) {
    ObjectNode o = NODES.objectNode();
    o.set(name, body);
    return o;
  }

  private static ObjectNode manifest(ManifestEntry m) {
    ObjectNode o = NODES.objectNode();
    o.put("path", m.path());
    o.put("size", m.size());
    o.put("specId", m.specId());
    o.put("fileCount", m.fileCount());
    o.put("recordCount", m.recordCount());
    o.set("partitionBounds", bounds(m.partitionBounds()));
    o.set("columnBounds", bounds(m.columnBounds()));
    return o;
  }

  private static ManifestEntry manifest(Fields f) {
    return new ManifestEntry(f.string("path"), f.longValue("size"), f.intValue("specId"), f.longValue("fileCount"),
        f.longValue("recordCount"), bounds(f.optional("partitionBounds"), "partitionBounds"),
        bounds(f.optional("columnBounds"), "columnBounds"));
  }

  private static ObjectNode bounds(Map<Integer, ColumnStats> bounds) {
    ObjectNode o = NODES.objectNode();
    bounds.forEach((id, s) -> o.set(Integer.toString(id), ActionJson.statsNode(s)));
    return o;
  }

  private static Map<Integer, ColumnStats> bounds(JsonNode node, String name) {
    Map<Integer, ColumnStats> out = new TreeMap<>();
    if (node == null) {
      return out;
    }
    if (!node.isObject()) {
      throw new JsonFormatException("manifest field '" + name + "' must be an object keyed by field id");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      int id;
      try {
        id = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw new JsonFormatException("manifest " + name + " key '" + e.getKey() + "' is not a field id");
      }
      out.put(id, ActionJson.stats(new Fields(e.getValue(), name + " of field " + id)));
    }
    return out;
  }
}

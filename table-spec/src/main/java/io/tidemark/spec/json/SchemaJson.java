package io.tidemark.spec.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The schema's JSON form as spec.md defines it. */
public final class SchemaJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

  private SchemaJson() {}

  /** The schema as a JSON string. */
  public static String toJson(Schema schema) {
    return toNode(schema).toString();
  }

  /**
   * Parses a schema from its JSON string.
   *
   * @throws InvalidArgumentException when the JSON is not a valid schema
   */
  public static Schema fromJson(String json) {
    try {
      return fromNode(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new InvalidArgumentException("schema is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (JsonFormatException e) {
      throw new InvalidArgumentException("invalid schema: " + e.getMessage(), e);
    }
  }

  static ObjectNode toNode(Schema schema) {
    return structNode(schema.asStruct());
  }

  static Schema fromNode(JsonNode node) {
    StructType struct = struct(new Fields(node, "schema"), "schema");
    return new Schema(struct.fields());
  }

  private static ObjectNode structNode(StructType struct) {
    ObjectNode o = NODES.objectNode();
    o.put("type", "struct");
    ArrayNode fields = o.putArray("fields");
    for (NestedField f : struct.fields()) {
      ObjectNode fo = fields.addObject();
      fo.put("id", f.id());
      fo.put("name", f.name());
      fo.put("required", f.required());
      fo.set("type", typeNode(f.type()));
      if (f.doc() != null) {
        fo.put("doc", f.doc());
      }
    }
    return o;
  }

  private static JsonNode typeNode(Type type) {
    if (type instanceof StructType s) {
      return structNode(s);
    }
    if (type instanceof ListType l) {
      ObjectNode o = NODES.objectNode();
      o.put("type", "list");
      o.put("elementId", l.elementId());
      o.put("elementRequired", l.elementRequired());
      o.set("element", typeNode(l.elementType()));
      return o;
    }
    if (type instanceof MapType m) {
      ObjectNode o = NODES.objectNode();
      o.put("type", "map");
      o.put("keyId", m.keyId());
      o.set("key", typeNode(m.keyType()));
      o.put("valueId", m.valueId());
      o.put("valueRequired", m.valueRequired());
      o.set("value", typeNode(m.valueType()));
      return o;
    }
    return NODES.textNode(type.toString());
  }

  private static Type type(JsonNode node, String where) {
    if (node.isTextual()) {
      return primitive(node.textValue(), where);
    }
    Fields f = new Fields(node, where);
    String kind = f.string("type");
    switch (kind) {
      case "struct":
        return struct(f, where);
      case "list":
        return new ListType(f.intValue("elementId"), type(f.required("element"), where + ".element"),
            f.bool("elementRequired"));
      case "map":
        return new MapType(f.intValue("keyId"), type(f.required("key"), where + ".key"),
            f.intValue("valueId"), type(f.required("value"), where + ".value"), f.bool("valueRequired"));
      default:
        throw new JsonFormatException(where + " has unknown nested type '" + kind + "'");
    }
  }

  private static StructType struct(Fields f, String where) {
    if (!"struct".equals(f.string("type"))) {
      throw new JsonFormatException(where + " must have type 'struct'");
    }
    JsonNode fields = f.required("fields");
    if (!fields.isArray()) {
      throw new JsonFormatException(where + " field 'fields' must be an array");
    }
    List<NestedField> out = new ArrayList<>();
    for (JsonNode fieldNode : fields) {
      Fields ff = new Fields(fieldNode, where + " field");
      String name = ff.string("name");
      out.add(new NestedField(ff.intValue("id"), name, type(ff.required("type"), where + "." + name),
          ff.bool("required"), ff.optionalString("doc")));
    }
    return new StructType(out);
  }

  private static Type primitive(String name, String where) {
    Matcher m = DECIMAL.matcher(name);
    if (m.matches()) {
      try {
        return new DecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      } catch (NumberFormatException e) {
        throw new JsonFormatException(where + " has an out-of-range decimal type '" + name + "'", e);
      }
    }
    for (PrimitiveType p : PrimitiveType.values()) {
      if (p.typeName().equals(name)) {
        return p;
      }
    }
    throw new JsonFormatException(where + " has unknown type '" + name + "'");
  }
}

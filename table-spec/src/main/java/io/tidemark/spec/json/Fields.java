package io.tidemark.spec.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads typed fields from a JSON object, failing with a message that names the missing or wrong field. */
final class Fields {
  private final JsonNode node;
  private final String owner;

  Fields(JsonNode node, String owner) {
    if (node == null || !node.isObject()) {
      throw new JsonFormatException(owner + " must be a JSON object");
    }
    this.node = node;
    this.owner = owner;
  }

  JsonNode required(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new JsonFormatException(owner + " is missing required field '" + name + "'");
    }
    return v;
  }

  JsonNode optional(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  String string(String name) {
    JsonNode v = required(name);
    if (!v.isTextual()) {
      throw wrong(name, "a string");
    }
    return v.textValue();
  }

  String optionalString(String name) {
    JsonNode v = optional(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrong(name, "a string");
    }
    return v.textValue();
  }

  long longValue(String name) {
    JsonNode v = required(name);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw wrong(name, "an integer");
    }
    return v.longValue();
  }

  Long optionalLong(String name) {
    return optional(name) == null ? null : longValue(name);
  }

  int intValue(String name) {
    JsonNode v = required(name);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrong(name, "a 32-bit integer");
    }
    return v.intValue();
  }

  boolean bool(String name) {
    JsonNode v = required(name);
    if (!v.isBoolean()) {
      throw wrong(name, "true or false");
    }
    return v.booleanValue();
  }

  boolean bool(String name, boolean defaultValue) {
    return optional(name) == null ? defaultValue : bool(name);
  }

  List<String> strings(String name) {
    JsonNode v = required(name);
    if (!v.isArray()) {
      throw wrong(name, "an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw wrong(name, "an array of strings");
      }
      out.add(e.textValue());
    }
    return out;
  }

  Map<String, String> stringMap(String name) {
    JsonNode v = optional(name);
    Map<String, String> out = new TreeMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw wrong(name, "an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isTextual()) {
        throw wrong(name + "." + e.getKey(), "a string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  Map<String, Long> longMap(String name) {
    JsonNode v = optional(name);
    Map<String, Long> out = new TreeMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw wrong(name, "an object of integers");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
        throw wrong(name + "." + e.getKey(), "an integer");
      }
      out.put(e.getKey(), e.getValue().longValue());
    }
    return out;
  }

  Map<String, Object> scalarMap(String name) {
    JsonNode v = optional(name);
    Map<String, Object> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw wrong(name, "an object");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      out.put(e.getKey(), scalar(e.getValue(), name + "." + e.getKey()));
    }
    return out;
  }

  Object scalar(String name) {
    JsonNode v = optional(name);
    return v == null ? null : scalar(v, name);
  }

  private Object scalar(JsonNode v, String name) {
    if (v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) {
        throw wrong(name, "a 64-bit integer");
      }
      return v.longValue();
    }
    if (v.isNumber()) {
      // a number beyond the double range would read as an infinity that no writer wrote (the
      // infinities are the strings "Infinity" and "-Infinity")
      double d = v.doubleValue();
      if (Double.isInfinite(d)) {
        throw wrong(name, "a number within the range of a double");
      }
      return d;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw wrong(name, "a JSON scalar");
  }

  private JsonFormatException wrong(String name, String expected) {
    return new JsonFormatException(owner + " field '" + name + "' must be " + expected);
  }
}

package io.tidemark.core.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutations of a commit file's bytes, for fuzzing the decoder and the snapshot loader: byte flips,
 * truncation, deleted and duplicated lines, swapped and replaced JSON values, extreme numbers,
 * removed fields, type changes, invalid UTF-8, CRLF, deep nesting, long strings, plus mutations
 * that change no meaning (unknown fields, key order, whitespace). Deterministic for a given
 * {@link Random}.
 */
public final class CommitMutations {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Kinds that leave the actions a file decodes to unchanged. */
  public static final java.util.Set<Kind> NEUTRAL = java.util.EnumSet.of(Kind.UNKNOWN_FIELD, Kind.REORDER_KEYS,
      Kind.WHITESPACE);
  /** Kinds that always make a commit file corrupt (its structure is checked line by line and counted). */
  public static final java.util.Set<Kind> ALWAYS_CORRUPT = java.util.EnumSet.of(Kind.TRUNCATE, Kind.DELETE_LINE,
      Kind.DUPLICATE_LINE, Kind.INVALID_UTF8);

  /** The kinds of mutation, each named in failure messages. */
  public enum Kind {
    FLIP_BIT, TRUNCATE, DELETE_LINE, DUPLICATE_LINE, SWAP_VALUES, SWAP_ACROSS_LINES, EXTREME_NUMBER,
    REMOVE_FIELD, CHANGE_TYPE, REPLACE_STRING, INVALID_UTF8, CRLF, DEEP_NESTING, LONG_STRING, UNKNOWN_FIELD,
    REORDER_KEYS, WHITESPACE
  }

  /**
   * One mutation applied.
   *
   * @param kind what was done
   * @param detail where and with what, for failure messages
   * @param bytes the mutated file
   */
  public record Mutation(Kind kind, String detail, byte[] bytes) {
    @Override
    public String toString() {
      return kind + " (" + detail + ")";
    }
  }

  private final Random random;
  /** Strings seen in the table's log (paths, names, values), used to replace one string with another. */
  private final List<String> vocabulary;

  /**
   * @param random the source of every choice
   * @param vocabulary strings to substitute for others (for instance every path in the table's log)
   */
  public CommitMutations(Random random, List<String> vocabulary) {
    this.random = random;
    this.vocabulary = List.copyOf(vocabulary);
  }

  /** One random mutation of the file. */
  public Mutation mutate(byte[] file) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    return mutate(file, kind);
  }

  /** A mutation of the given kind (falls back to a bit flip when the kind does not apply). */
  public Mutation mutate(byte[] file, Kind kind) {
    List<byte[]> lines = lines(file);
    switch (kind) {
      case FLIP_BIT -> {
        int at = random.nextInt(file.length);
        byte[] out = file.clone();
        int bit = random.nextInt(8);
        out[at] ^= (byte) (1 << bit);
        return new Mutation(kind, "byte " + at + " bit " + bit, out);
      }
      case TRUNCATE -> {
        int at = random.nextInt(file.length);
        return new Mutation(kind, "at " + at + " of " + file.length, Arrays.copyOf(file, at));
      }
      case DELETE_LINE -> {
        int line = random.nextInt(lines.size());
        lines.remove(line);
        return new Mutation(kind, "line " + (line + 1), join(lines));
      }
      case DUPLICATE_LINE -> {
        int line = random.nextInt(lines.size());
        lines.add(random.nextInt(lines.size() + 1), lines.get(line));
        return new Mutation(kind, "line " + (line + 1), join(lines));
      }
      case INVALID_UTF8 -> {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = insideAString(file);
        byte[] out = new byte[file.length + insert.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(file, at, out, at + insert.length, file.length - at);
        return new Mutation(kind, "at " + at + ": " + Arrays.toString(insert), out);
      }
      case CRLF -> {
        boolean all = random.nextBoolean();
        int only = random.nextInt(lines.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
          byte[] line = lines.get(i);
          out.write(line, 0, line.length - 1);
          if (all || i == only) {
            out.write('\r');
          }
          out.write('\n');
        }
        return new Mutation(kind, all ? "every line" : "line " + (only + 1), out.toByteArray());
      }
      case WHITESPACE -> {
        int line = random.nextInt(lines.size());
        String text = text(lines.get(line));
        lines.set(line, bytes(" " + text + " \n"));
        return new Mutation(kind, "line " + (line + 1), join(lines));
      }
      default -> {
        return mutateTree(file, lines, kind);
      }
    }
  }

  /** A mutation of one parsed line (or two, for a swap across lines). */
  private Mutation mutateTree(byte[] file, List<byte[]> lines, Kind kind) {
    int lineNo = random.nextInt(lines.size());
    JsonNode root;
    try {
      root = MAPPER.readTree(lines.get(lineNo));
    } catch (Exception e) {
      return mutate(file, Kind.FLIP_BIT);
    }
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return mutate(file, Kind.FLIP_BIT);
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    String detail = "line " + (lineNo + 1) + " " + slot.path;
    switch (kind) {
      case SWAP_VALUES -> {
        Slot other = slots.get(random.nextInt(slots.size()));
        JsonNode a = slot.get();
        JsonNode b = other.get();
        if (slot.path.startsWith(other.path) || other.path.startsWith(slot.path)) {
          return mutate(file, Kind.FLIP_BIT); // one holds the other
        }
        slot.set(b.deepCopy());
        other.set(a.deepCopy());
        detail += " <-> " + other.path;
      }
      case SWAP_ACROSS_LINES -> {
        int otherLine = random.nextInt(lines.size());
        JsonNode otherRoot;
        try {
          otherRoot = MAPPER.readTree(lines.get(otherLine));
        } catch (Exception e) {
          return mutate(file, Kind.FLIP_BIT);
        }
        List<Slot> others = new ArrayList<>();
        collect(otherRoot, others);
        // the same field of another line, e.g. the paths of two adds, when there is one
        Slot other = others.stream().filter(s -> s.path.equals(slot.path)).findFirst()
            .orElse(others.get(random.nextInt(others.size())));
        JsonNode a = slot.get().deepCopy();
        slot.set(other.get().deepCopy());
        other.set(a);
        lines.set(otherLine, bytes(otherRoot + "\n"));
        detail += " <-> line " + (otherLine + 1) + " " + other.path;
      }
      case EXTREME_NUMBER -> {
        JsonNode[] numbers = {NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(-1L), NODES.numberNode(0L), NODES.numberNode(Integer.MAX_VALUE + 1L),
            NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(BigInteger.TWO.pow(70)),
            NODES.numberNode(1.5), NODES.numberNode(-0.0), NODES.numberNode(1e300),
            NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(random.nextLong())};
        JsonNode n = numbers[random.nextInt(numbers.length)];
        // prefer a slot holding a number, so the extreme lands where numbers are expected
        List<Slot> numeric = slots.stream().filter(s -> s.get().isNumber()).toList();
        Slot target = numeric.isEmpty() ? slot : numeric.get(random.nextInt(numeric.size()));
        target.set(n);
        detail = "line " + (lineNo + 1) + " " + target.path + " = " + n;
      }
      case REMOVE_FIELD -> {
        if (!slot.remove()) {
          return mutate(file, Kind.FLIP_BIT);
        }
      }
      case CHANGE_TYPE -> {
        JsonNode[] values = {NODES.nullNode(), NODES.textNode("x"), NODES.textNode("12"), NODES.numberNode(7),
            NODES.numberNode(-3.25), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(),
            NODES.objectNode().put("k", 1), NODES.arrayNode().add("a").add(1)};
        JsonNode v = values[random.nextInt(values.length)];
        slot.set(v);
        detail += " = " + v;
      }
      case REPLACE_STRING -> {
        List<Slot> strings = slots.stream().filter(s -> s.get().isTextual()).toList();
        Slot target = strings.isEmpty() ? slot : strings.get(random.nextInt(strings.size()));
        String s = vocabulary.get(random.nextInt(vocabulary.size()));
        target.set(NODES.textNode(s));
        detail = "line " + (lineNo + 1) + " " + target.path + " = \"" + s + "\"";
      }
      case DEEP_NESTING -> {
        int depth = new int[] {150, 199, 201, 1_000, 100_000}[random.nextInt(5)];
        boolean arrays = random.nextBoolean();
        // written as text: building a tree this deep would overflow the serializer's stack
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String marker = "\"__deep__\"";
        slot.set(NODES.textNode("__deep__"));
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        lines.set(lineNo, bytes(root.toString().replace(marker, nested) + "\n"));
        return new Mutation(kind, detail + " nested " + depth + (arrays ? " arrays" : " objects"), join(lines));
      }
      case LONG_STRING -> {
        int length = new int[] {1_000, 100_000, 1_000_000}[random.nextInt(3)];
        List<Slot> strings = slots.stream().filter(s -> s.get().isTextual()).toList();
        Slot target = strings.isEmpty() ? slot : strings.get(random.nextInt(strings.size()));
        target.set(NODES.textNode("data/" + "é".repeat(length)));
        detail = "line " + (lineNo + 1) + " " + target.path + " length " + length;
      }
      case UNKNOWN_FIELD -> {
        // into the action's own object: a field the reader does not know is ignored there (maps
        // such as partitionValues or stats give every key a meaning, so they are not neutral)
        if (!root.isObject() || root.size() != 1 || !root.elements().next().isObject()) {
          return mutate(file, Kind.FLIP_BIT);
        }
        ObjectNode action = (ObjectNode) root.elements().next();
        String name = "futureField" + random.nextInt(1000);
        if (action.has(name)) {
          return mutate(file, Kind.FLIP_BIT);
        }
        action.set(name, NODES.objectNode().put("x", random.nextInt()));
        detail = "line " + (lineNo + 1) + " new field " + name;
      }
      case REORDER_KEYS -> {
        reverseKeys(root);
        detail = "line " + (lineNo + 1);
      }
      default -> throw new IllegalArgumentException("not a tree mutation: " + kind);
    }
    lines.set(lineNo, bytes(root + "\n"));
    return new Mutation(kind, detail, join(lines));
  }

  /** A value's place in its parent, so that it can be replaced or removed. */
  private record Slot(JsonNode parent, String field, int index, String path) {
    JsonNode get() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) parent).set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    boolean remove() {
      if (field != null) {
        ((ObjectNode) parent).remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
      return true;
    }
  }

  /** Every value below the root (the action object and everything in it). */
  private static void collect(JsonNode node, List<Slot> out) {
    collect(node, "", out);
  }

  private static void collect(JsonNode node, String path, List<Slot> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + "." + e.getKey();
        out.add(new Slot(node, e.getKey(), -1, p));
        collect(e.getValue(), p, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String p = path + "[" + i + "]";
        out.add(new Slot(node, null, i, p));
        collect(node.get(i), p, out);
      }
    }
  }

  private static void reverseKeys(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      o.fields().forEachRemaining(entries::add);
      o.removeAll();
      for (int i = entries.size() - 1; i >= 0; i--) {
        reverseKeys(entries.get(i).getValue());
        o.set(entries.get(i).getKey(), entries.get(i).getValue());
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(CommitMutations::reverseKeys);
    }
  }

  /** An offset inside a JSON string (after an opening quote), or anywhere when there is none. */
  private int insideAString(byte[] file) {
    List<Integer> quotes = new ArrayList<>();
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '"') {
        quotes.add(i + 1);
      }
    }
    return quotes.isEmpty() ? random.nextInt(file.length) : quotes.get(random.nextInt(quotes.size()));
  }

  /** The file's lines, each with its terminating newline (the last one may lack it). */
  static List<byte[]> lines(byte[] file) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        lines.add(Arrays.copyOfRange(file, start, i + 1));
        start = i + 1;
      }
    }
    if (start < file.length) {
      lines.add(Arrays.copyOfRange(file, start, file.length));
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static String text(byte[] line) {
    return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

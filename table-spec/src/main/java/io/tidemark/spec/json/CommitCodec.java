package io.tidemark.spec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.TidemarkException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes commit files: newline-delimited JSON, one action per line, each line an
 * object with a single key naming the action. The first line is always {@code commitInfo}, whose
 * {@code actionCount} says how many lines follow.
 */
public final class CommitCodec {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
  }

  private CommitCodec() {}

  /**
   * Encodes a commit. The first action must be the commit info, whose action count must equal
   * the number of actions after it.
   */
  public static byte[] encode(List<Action> actions) {
    if (actions.isEmpty() || !(actions.get(0) instanceof CommitInfo info)) {
      throw new IllegalArgumentException("a commit starts with its commitInfo");
    }
    if (info.actionCount() != actions.size() - 1) {
      throw new IllegalArgumentException("commitInfo.actionCount is " + info.actionCount()
          + " but " + (actions.size() - 1) + " actions follow");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * actions.size());
    // one generator for the whole file, each action a root value followed by a newline
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (Action action : actions) {
        ObjectNode line = MAPPER.createObjectNode();
        line.set(action.actionName(), ActionJson.toNode(action));
        MAPPER.writeTree(g, line);
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a commit: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a commit file strictly.
   *
   * @param file the file's name, for error messages
   * @param content the file's bytes
   * @throws CorruptLogException naming the file and line for a malformed line, a missing required
   *     field, an unknown action, or a truncated file
   */
  public static List<Action> decode(String file, byte[] content) {
    if (content.length == 0) {
      throw new CorruptLogException(file, 0, "file is empty");
    }
    if (content[content.length - 1] != '\n') {
      throw new CorruptLogException(file, lineCount(content), "last line is not terminated (torn write?)");
    }
    // a newline byte never occurs inside a multi-byte UTF-8 sequence, so lines split on bytes
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        lines.add(utf8(file, lines.size() + 1, content, start, i - start));
        start = i + 1;
      }
    }
    List<Action> actions = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Action action = decodeLine(file, i + 1, lines.get(i));
      if (i == 0 && !(action instanceof CommitInfo)) {
        throw new CorruptLogException(file, 1, "first action must be commitInfo, found " + action.actionName());
      }
      if (i > 0 && action instanceof CommitInfo) {
        throw new CorruptLogException(file, i + 1, "commitInfo may appear only on the first line");
      }
      actions.add(action);
    }
    CommitInfo info = (CommitInfo) actions.get(0);
    if (info.actionCount() != actions.size() - 1) {
      throw new CorruptLogException(file, 0, "commitInfo.actionCount says " + info.actionCount()
          + " actions follow but the file has " + (actions.size() - 1) + " (truncated or damaged)");
    }
    return actions;
  }

  private static int lineCount(byte[] content) {
    int lines = 1;
    for (byte b : content) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }

  /** One line's bytes as text; bytes that are not UTF-8 make the file corrupt (not replacement characters). */
  static String utf8(String file, int line, byte[] content, int offset, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CorruptLogException(file, line, "line is not valid UTF-8", e);
    }
  }

  private static Action decodeLine(String file, int lineNumber, String line) {
    if (line.isBlank()) {
      throw new CorruptLogException(file, lineNumber, "empty line");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new CorruptLogException(file, lineNumber, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject() || node.size() != 1) {
      throw new CorruptLogException(file, lineNumber, "an action line must be a JSON object with exactly one key");
    }
    String name = node.fieldNames().next();
    try {
      return ActionJson.fromNode(name, node.get(name));
    } catch (JsonFormatException e) {
      throw new CorruptLogException(file, lineNumber, e.getMessage(), e);
    } catch (TidemarkException | IllegalArgumentException e) {
      throw new CorruptLogException(file, lineNumber, "invalid " + name + ": " + e.getMessage(), e);
    }
  }

  /** Encodes one action as its JSON object (without the key line wrapper); for tools and tests. */
  public static String toJson(Action action) {
    return ActionJson.toNode(action).toString();
  }

}

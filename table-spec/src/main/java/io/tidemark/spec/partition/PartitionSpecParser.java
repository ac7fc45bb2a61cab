package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command-line form of a partition spec:
 * <pre>
 * spec     := [ item ( "," item )* ]
 * item     := ( function | column ) [ "as" name ]
 * function := ( "bucket" | "truncate" ) "(" integer "," column ")"
 *           | ( "identity" | "year" | "month" | "day" | "hour" | "void" ) "(" column ")"
 * column   := name ( "." name )*
 * name     := word | "`" characters, with "``" for one back-quote "`"
 * word     := ( letter | digit | "_" )+
 * </pre>
 * A bare column means identity. Function names and {@code as} are case-insensitive; the plural
 * forms {@code years}, {@code months}, {@code days}, {@code hours} are accepted too.
 */
final class PartitionSpecParser {
  private final String text;
  private int pos;

  private PartitionSpecParser(String text) {
    this.text = text;
  }

  static PartitionSpec.Builder parse(PartitionSpec.Builder builder, String text) {
    if (text == null) {
      throw new InvalidArgumentException("partition spec text is missing");
    }
    PartitionSpecParser parser = new PartitionSpecParser(text);
    parser.skipSpace();
    if (parser.atEnd()) {
      return builder;
    }
    while (true) {
      parser.item(builder);
      parser.skipSpace();
      if (parser.atEnd()) {
        return builder;
      }
      parser.expect(',', "',' or the end");
    }
  }

  /** One field in the command-line form, e.g. {@code bucket(16, id)} or {@code day(ts) as d}. */
  static String format(Schema schema, PartitionField field) {
    List<String> path = pathOf(schema.asStruct(), field.sourceId());
    if (path == null) {
      throw new InvalidArgumentException("partition field '" + field.name() + "' has source field id "
          + field.sourceId() + ", which is not a column or struct member of the schema");
    }
    List<String> quoted = new ArrayList<>();
    for (String segment : path) {
      quoted.add(quote(segment));
    }
    String column = String.join(".", quoted);
    Transform t = field.transform();
    String out = t.parameter() > 0
        ? t.name() + "(" + t.parameter() + ", " + column + ")"
        : t.name() + "(" + column + ")";
    if (!field.name().equals(PartitionSpec.defaultName(String.join(".", path), t))) {
      out += " as " + quote(field.name());
    }
    return out;
  }

  private static List<String> pathOf(StructType struct, int id) {
    for (NestedField f : struct.fields()) {
      if (f.id() == id) {
        return new ArrayList<>(List.of(f.name()));
      }
      if (f.type() instanceof StructType s) {
        List<String> inner = pathOf(s, id);
        if (inner != null) {
          inner.add(0, f.name());
          return inner;
        }
      }
    }
    return null;
  }

  private static String quote(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
  }

  private void item(PartitionSpec.Builder builder) {
    skipSpace();
    int start = pos;
    List<String> column;
    Transform transform;
    if (peek() != '`') {
      String word = word("a partition function or a column");
      skipSpace();
      if (peek() == '(') {
        String function = function(word, start);
        pos++;
        skipSpace();
        int parameter = 0;
        if (function.equals("bucket") || function.equals("truncate")) {
          parameter = positiveInt(function.equals("bucket")
              ? "the number of buckets (bucket takes (N, column))"
              : "the width (truncate takes (W, column))");
          skipSpace();
          expect(',', "','");
          skipSpace();
        }
        column = column();
        skipSpace();
        expect(')', "')'");
        transform = transform(function, parameter);
      } else {
        pos = start + word.length();
        column = columnAfter(word);
        transform = Transforms.identity();
      }
    } else {
      column = column();
      transform = Transforms.identity();
    }
    String name = null;
    int beforeAs = pos;
    skipSpace();
    if (pos > beforeAs && isWordChar(peek())) {
      int wordStart = pos;
      String word = word("a name");
      if (word.toLowerCase(Locale.ROOT).equals("as")) {
        skipSpace();
        name = name("a partition field name after 'as'");
      } else {
        pos = wordStart;
        throw error("',', 'as' or the end");
      }
    }
    builder.add(column, transform, name);
  }

  private static Transform transform(String function, int parameter) {
    switch (function) {
      case "identity":
        return Transforms.identity();
      case "bucket":
        return Transforms.bucket(parameter);
      case "truncate":
        return Transforms.truncate(parameter);
      case "year":
        return Transforms.year();
      case "month":
        return Transforms.month();
      case "day":
        return Transforms.day();
      case "hour":
        return Transforms.hour();
      default:
        return Transforms.alwaysNull();
    }
  }

  private String function(String word, int start) {
    String f = word.toLowerCase(Locale.ROOT);
    switch (f) {
      case "identity":
      case "bucket":
      case "truncate":
      case "year":
      case "month":
      case "day":
      case "hour":
      case "void":
        return f;
      case "years":
      case "months":
      case "days":
      case "hours":
        return f.substring(0, f.length() - 1);
      default:
        pos = start;
        throw error("a partition function (identity, bucket, truncate, year, month, day, hour, void)");
    }
  }

  private List<String> column() {
    List<String> path = new ArrayList<>();
    path.add(name("a column name"));
    return rest(path);
  }

  private List<String> columnAfter(String first) {
    List<String> path = new ArrayList<>();
    path.add(first);
    return rest(path);
  }

  private List<String> rest(List<String> path) {
    while (peek() == '.') {
      pos++;
      path.add(name("a struct member name after '.'"));
    }
    return path;
  }

  private String name(String expected) {
    if (peek() != '`') {
      return word(expected);
    }
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (atEnd()) {
        pos = start;
        throw error("a closing '`' for the name that starts here");
      }
      char c = text.charAt(pos++);
      if (c == '`') {
        if (peek() == '`') {
          sb.append('`');
          pos++;
        } else {
          break;
        }
      } else {
        sb.append(c);
      }
    }
    if (sb.toString().isBlank()) {
      pos = start;
      throw error("a non-empty name");
    }
    return sb.toString();
  }

  private String word(String expected) {
    int start = pos;
    while (!atEnd() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error(expected);
    }
    return text.substring(start, pos);
  }

  private int positiveInt(String expected) {
    int start = pos;
    while (!atEnd() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    String digits = text.substring(start, pos);
    long value = digits.isEmpty() || digits.length() > 10 ? -1 : Long.parseLong(digits);
    if (value <= 0 || value > Integer.MAX_VALUE) {
      pos = start;
      throw error(expected + ", a positive 32-bit integer");
    }
    return (int) value;
  }

  private static boolean isWordChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  private void expect(char c, String expected) {
    if (peek() != c) {
      throw error(expected);
    }
    pos++;
  }

  private char peek() {
    return atEnd() ? '\0' : text.charAt(pos);
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private InvalidArgumentException error(String expected) {
    String found = atEnd() ? "the end" : "'" + text.charAt(pos) + "'";
    return new InvalidArgumentException("cannot parse partition spec '" + text + "': expected " + expected
        + " at position " + pos + ", found " + found);
  }
}

package io.tidemark.spec.types;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses and prints the short column-list form of a schema used by the command line, e.g.
 * {@code id long not null, name string, price decimal(10,2), tags list<string>,
 * attrs map<string, long>, point struct<x: double, y: double>}. Names that are not plain
 * identifiers are written in back-quotes.
 */
public final class SchemaDdl {
  private final String text;
  private int pos;

  private SchemaDdl(String text) {
    this.text = text;
  }

  /**
   * Parses a column list into a schema with fresh field ids.
   *
   * @throws InvalidArgumentException naming the position and what was expected
   */
  public static Schema parse(String ddl) {
    SchemaDdl parser = new SchemaDdl(ddl);
    List<NestedField> columns = parser.fields('\0');
    if (columns.isEmpty()) {
      throw new InvalidArgumentException("schema has no columns");
    }
    return new Schema(FieldIds.assignFresh(columns, 0));
  }

  /**
   * Parses one type name such as {@code long} or {@code decimal(10,2)}.
   *
   * @throws InvalidArgumentException for an unknown type
   */
  public static Type parseType(String type) {
    SchemaDdl parser = new SchemaDdl(type);
    Type t = parser.type();
    parser.skipSpace();
    if (parser.pos < parser.text.length()) {
      throw parser.error("end of type");
    }
    return t;
  }

  /** The column-list form of a schema; {@link #parse} of it gives the same columns (ids aside). */
  public static String format(Schema schema) {
    return formatFields(schema.columns(), ", ", " ");
  }

  private static String formatFields(List<NestedField> fields, String separator, String nameSeparator) {
    List<String> parts = new ArrayList<>();
    for (NestedField f : fields) {
      parts.add(quote(f.name()) + nameSeparator + formatType(f.type()) + (f.required() ? " not null" : ""));
    }
    return String.join(separator, parts);
  }

  private static String formatType(Type type) {
    if (type instanceof StructType s) {
      return "struct<" + formatFields(s.fields(), ", ", ": ") + ">";
    } else if (type instanceof ListType l) {
      return "list<" + formatType(l.elementType()) + (l.elementRequired() ? " not null" : "") + ">";
    } else if (type instanceof MapType m) {
      return "map<" + formatType(m.keyType()) + ", " + formatType(m.valueType())
          + (m.valueRequired() ? " not null" : "") + ">";
    }
    return type.toString();
  }

  private static String quote(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
  }

  private List<NestedField> fields(char close) {
    List<NestedField> fields = new ArrayList<>();
    skipSpace();
    if (peek() == close) {
      return fields;
    }
    while (true) {
      String name = name();
      skipSpace();
      if (peek() == ':') {
        pos++;
      }
      Type type = type();
      boolean required = notNull();
      fields.add(new NestedField(0, name, type, required, null));
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      if (peek() == close) {
        return fields;
      }
      throw error(close == '\0' ? "',' or end of schema" : "',' or '" + close + "'");
    }
  }

  private Type type() {
    skipSpace();
    String word = word().toLowerCase(Locale.ROOT);
    switch (word) {
      case "decimal": {
        expect('(');
        int precision = number();
        expect(',');
        int scale = number();
        expect(')');
        return new DecimalType(precision, scale);
      }
      case "list": {
        expect('<');
        Type element = type();
        boolean required = notNull();
        expect('>');
        return new ListType(0, element, required);
      }
      case "map": {
        expect('<');
        Type key = type();
        expect(',');
        Type value = type();
        boolean required = notNull();
        expect('>');
        return new MapType(0, key, 0, value, required);
      }
      case "struct": {
        expect('<');
        List<NestedField> members = fields('>');
        expect('>');
        return new StructType(members);
      }
      case "integer":
        return PrimitiveType.INT;
      case "bigint":
        return PrimitiveType.LONG;
      default:
        for (PrimitiveType p : PrimitiveType.values()) {
          if (p.typeName().equals(word)) {
            return p;
          }
        }
        throw new InvalidArgumentException("unknown type '" + word + "' at position " + pos
            + " of '" + text + "'; types are boolean, int, long, float, double, decimal(p,s), date,"
            + " timestamp, timestamp_ntz, string, binary, struct<...>, list<...>, map<...>");
    }
  }

  private boolean notNull() {
    skipSpace();
    int mark = pos;
    if (word().equalsIgnoreCase("not")) {
      skipSpace();
      if (word().equalsIgnoreCase("null")) {
        return true;
      }
      throw error("'null' after 'not'");
    }
    pos = mark;
    return false;
  }

  private String name() {
    skipSpace();
    if (peek() == '`') {
      StringBuilder sb = new StringBuilder();
      pos++;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '`') {
          if (peek() == '`') {
            sb.append('`');
            pos++;
            continue;
          }
          return sb.toString();
        }
        sb.append(c);
      }
      throw error("closing back-quote");
    }
    String w = word();
    if (w.isEmpty()) {
      throw error("a column name");
    }
    return w;
  }

  private String word() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private int number() {
    String w = word();
    try {
      return Integer.parseInt(w);
    } catch (NumberFormatException e) {
      throw error("a number");
    }
  }

  private void expect(char c) {
    skipSpace();
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private InvalidArgumentException error(String expected) {
    String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "end of text";
    return new InvalidArgumentException("cannot parse schema '" + text + "': expected " + expected
        + " at position " + pos + ", found " + found);
  }
}

package io.tidemark.cli;

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
import java.util.StringJoiner;

/**
 * The DuckDB view that shows a table version's rows: {@code read_parquet} over exactly the
 * version's live data files (never a glob: files a delete or restore removed stay on disk until
 * vacuum), columns found by field id (the {@code schema} parameter), so a file written before a
 * rename, drop, add or widening reads as Tidemark reads it. Rows a deletion vector deletes are
 * left out by position ({@code file_row_number}), from the {@link #DELETED_ROWS} table.
 *
 * <p>Nested fields inside structs, lists and maps are matched by name, not id: DuckDB's
 * {@code schema} parameter maps top-level columns only.
 */
final class SqlViews {
  /** The table the deleted positions are loaded into: {@code (file INTEGER, pos BIGINT)}. */
  static final String DELETED_ROWS = "__tidemark_deleted_rows";

  private SqlViews() {}

  /**
   * A data file to read.
   *
   * @param path its local path
   * @param deletedKey its key in {@link #DELETED_ROWS}, or -1 when no row of it is deleted
   */
  record File(String path, int deletedKey) {}

  /** The statement that creates view {@code name} over the files, read with {@code schema}. */
  static String createView(String name, Schema schema, List<File> files) {
    List<String> plain = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    String columns = columnList(schema);
    for (File f : files) {
      if (f.deletedKey() < 0) {
        plain.add(literal(f.path()));
      } else {
        parts.add("SELECT " + columns + " FROM read_parquet(" + literal(f.path()) + ", schema=" + schemaMap(schema)
            + ", file_row_number=true) WHERE file_row_number NOT IN (SELECT pos FROM " + DELETED_ROWS
            + " WHERE file = " + f.deletedKey() + ")");
      }
    }
    if (!plain.isEmpty()) {
      parts.add(0, "SELECT " + columns + " FROM read_parquet([" + String.join(", ", plain) + "], schema="
          + schemaMap(schema) + ")");
    }
    if (parts.isEmpty()) { // read_parquet needs a file: an empty relation of the right types
      StringJoiner nulls = new StringJoiner(", ");
      for (NestedField c : schema.columns()) {
        nulls.add("CAST(NULL AS " + duckType(c.type()) + ") AS " + identifier(c.name()));
      }
      parts.add("SELECT " + nulls + " WHERE false");
    }
    return "CREATE VIEW " + identifier(name) + " AS " + String.join(" UNION ALL ", parts);
  }

  private static String columnList(Schema schema) {
    StringJoiner names = new StringJoiner(", ");
    schema.columns().forEach(c -> names.add(identifier(c.name())));
    return names.toString();
  }

  /** {@code MAP {id: {name: 'col', type: 'T', default_value: NULL}, ...}}: columns by field id. */
  private static String schemaMap(Schema schema) {
    StringJoiner entries = new StringJoiner(", ", "MAP {", "}");
    for (NestedField c : schema.columns()) {
      entries.add(c.id() + ": {name: " + literal(c.name()) + ", type: " + literal(duckType(c.type()))
          + ", default_value: NULL}");
    }
    return entries.toString();
  }

  /** The DuckDB type a column of this type reads as. */
  static String duckType(Type type) {
    if (type instanceof DecimalType d) {
      return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
    } else if (type instanceof StructType s) {
      StringJoiner fields = new StringJoiner(", ", "STRUCT(", ")");
      s.fields().forEach(f -> fields.add(identifier(f.name()) + " " + duckType(f.type())));
      return fields.toString();
    } else if (type instanceof ListType l) {
      return duckType(l.elementType()) + "[]";
    } else if (type instanceof MapType m) {
      return "MAP(" + duckType(m.keyType()) + ", " + duckType(m.valueType()) + ")";
    }
    return switch ((PrimitiveType) type) {
      case BOOLEAN -> "BOOLEAN";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case TIMESTAMP_NTZ -> "TIMESTAMP";
      case STRING -> "VARCHAR";
      case BINARY -> "BLOB";
    };
  }

  /** A quoted SQL identifier. */
  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A quoted SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}

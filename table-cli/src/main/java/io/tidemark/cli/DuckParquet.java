package io.tidemark.cli;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Parquet files outside tables, through DuckDB's Parquet reader and writer: exporting rows
 * ({@code scan --format parquet}), reading a file's rows ({@code append --parquet}) and its
 * columns ({@code create --like FILE.parquet}). Loaded only by those options, like {@link DuckQuery}.
 */
final class DuckParquet {
  private static final String ROWS = "__tidemark_rows";

  private DuckParquet() {}

  private static DuckDBConnection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
    DuckDBConnection c = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", props);
    try (Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions = false");
      s.execute("SET autoload_known_extensions = false");
      s.execute("SET TimeZone = 'UTC'");
    }
    return c;
  }

  /**
   * Writes at most {@code limit} rows to a Parquet file (replacing it only once it is complete),
   * columns with the schema's field ids.
   *
   * @return the number of rows written
   * @throws CliException when a column is nested (struct, list, map) or writing fails
   */
  static long export(Schema schema, Iterator<Record> rows, long limit, Path output) {
    List<NestedField> columns = schema.columns();
    StringJoiner defs = new StringJoiner(", ");
    StringJoiner ids = new StringJoiner(", ", "{", "}");
    for (NestedField c : columns) {
      if (c.type().isNested()) {
        throw new CliException("--format parquet cannot write nested column " + c.name() + " (" + c.type()
            + ") yet; leave it out with --columns");
      }
      defs.add(SqlViews.identifier(c.name()) + " " + SqlViews.duckType(c.type()));
      ids.add(SqlViews.identifier(c.name()) + ": " + c.id());
    }
    try {
      return replacing(output, partial -> {
        long written = 0;
        try (DuckDBConnection c = connect(); Statement s = c.createStatement()) {
          s.execute("CREATE TABLE " + ROWS + " (" + defs + ")");
          try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, ROWS)) {
            while (written < limit && rows.hasNext()) {
              Record r = rows.next();
              a.beginRow();
              for (int i = 0; i < columns.size(); i++) {
                append(a, columns.get(i).type(), r.get(i));
              }
              a.endRow();
              written++;
            }
          }
          s.execute("COPY " + ROWS + " TO " + SqlViews.literal(partial.toString()) + " (FORMAT parquet, FIELD_IDS "
              + ids + ")");
        }
        return written;
      });
    } catch (SQLException e) {
      throw new CliException("cannot write " + output + ": " + SqlQueryException.firstLine(e.getMessage()), e);
    }
  }

  /** Writes a file by way of a hidden partial file beside it. */
  interface Writing {
    /** Writes the rows to {@code partial}, returning how many. */
    long write(Path partial) throws SQLException;
  }

  /**
   * Writes {@code output} through a hidden partial file beside it, moved into place once complete,
   * so that a failure leaves the output as it was.
   *
   * @return what {@code writing} returned
   */
  static long replacing(Path output, Writing writing) throws SQLException {
    Path target = output.toAbsolutePath();
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      long written = writing.write(partial);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (IOException e) {
      throw new CliException("cannot write " + output + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // best effort: the partial file is hidden and named after the output
      }
    }
  }

  private static void append(DuckDBAppender a, Type type, Object value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else if (type instanceof DecimalType) {
      a.append((BigDecimal) value);
    } else {
      switch ((PrimitiveType) type) {
        case BOOLEAN -> a.append((Boolean) value);
        case INT -> a.append((Integer) value);
        case LONG -> a.append((Long) value);
        case FLOAT -> a.append((Float) value);
        case DOUBLE -> a.append((Double) value);
        case DATE -> a.append((LocalDate) value);
        case TIMESTAMP -> a.append(OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        case TIMESTAMP_NTZ -> a.append((LocalDateTime) value);
        case STRING -> a.append((String) value);
        case BINARY -> a.append(bytes((ByteBuffer) value));
        default -> throw new IllegalStateException("unhandled type " + type);
      }
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /**
   * Reads a Parquet file's rows as records of {@code schema}, columns matched by name as CSV
   * header names are, values read as their text in CSV would be (one set of value rules).
   *
   * @return the number of rows read
   * @throws CliException when the file is not Parquet, a column is unknown, or a value does not fit
   */
  static long read(String file, Schema schema, RowProgress progress, Consumer<Record> sink) {
    CsvAppender rows = new CsvAppender(file, schema);
    List<NestedField> columns = schema.columns();
    try (DuckDBConnection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM read_parquet(" + SqlViews.literal(file) + ")")) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      int[] target = new int[n];
      for (int i = 0; i < n; i++) {
        String name = md.getColumnLabel(i + 1);
        target[i] = CsvAppender.indexOf(columns, name);
        if (target[i] < 0) {
          throw rows.fail("the file has column '" + name + "', which the table does not have (its columns are "
              + String.join(", ", columns.stream().map(NestedField::name).toList()) + ")");
        }
      }
      long count = 0;
      List<String> texts = new ArrayList<>(n);
      while (rs.next()) {
        count++;
        texts.clear();
        for (int i = 0; i < n; i++) {
          texts.add(Values.text(SqlValues.of(rs.getObject(i + 1))));
        }
        sink.accept(rows.record("row " + count, target, texts::get));
        progress.rows(count);
      }
      progress.done(count);
      return count;
    } catch (SQLException e) {
      throw new CliException("cannot append " + file + ": " + notParquet(e) + "; nothing was committed", e);
    }
  }

  private static String notParquet(SQLException e) {
    String line = SqlQueryException.firstLine(e.getMessage());
    return line.contains("magic bytes") || line.contains("too small to be a Parquet file")
        ? "it is not a Parquet file; tidemark append reads CSV with --csv, newline-delimited JSON with --json"
        : line;
  }

  /**
   * The columns of a Parquet file, all optional, in the file's order.
   *
   * @throws CliException when the file is not Parquet or a column has a type a table cannot hold
   */
  static Schema schemaOf(String file) {
    Schema.Builder schema = Schema.builder();
    try (DuckDBConnection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + SqlViews.literal(file) + ")")) {
      while (rs.next()) {
        String name = rs.getString(1);
        String duck = rs.getString(2);
        schema.optional(name, tableType(file, name, duck));
      }
    } catch (SQLException e) {
      throw new CliException("cannot read the columns of " + file + ": " + notParquet(e), e);
    }
    return schema.build();
  }

  private static Type tableType(String file, String column, String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL(")) {
      String[] ps = t.substring(8, t.length() - 1).split(",");
      return new DecimalType(Integer.parseInt(ps[0].strip()), Integer.parseInt(ps[1].strip()));
    }
    return switch (t) {
      case "BOOLEAN" -> PrimitiveType.BOOLEAN;
      case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> PrimitiveType.INT;
      case "BIGINT", "UINTEGER" -> PrimitiveType.LONG;
      case "FLOAT" -> PrimitiveType.FLOAT;
      case "DOUBLE" -> PrimitiveType.DOUBLE;
      case "DATE" -> PrimitiveType.DATE;
      case "TIMESTAMP WITH TIME ZONE" -> PrimitiveType.TIMESTAMP;
      case "TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_S" -> PrimitiveType.TIMESTAMP_NTZ;
      case "VARCHAR" -> PrimitiveType.STRING;
      case "BLOB" -> PrimitiveType.BINARY;
      default -> throw new CliException("cannot guess a column for " + column + " of " + file + ": its type "
          + duckType + " has no table type; give the columns with --schema");
    };
  }
}

package io.tidemark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Runs one query in an in-memory DuckDB over views of table versions. The only class that names
 * DuckDB: it is loaded when {@code tidemark sql} runs, so the other commands never load DuckDB or
 * its native library.
 *
 * <p>Before the query runs, DuckDB is shut in: no extension is installed or loaded, no file
 * outside the tables' directories is read or written, and the query cannot change that.
 */
final class DuckQuery {
  private DuckQuery() {}

  /**
   * A view to create: a table version resolved to its files.
   *
   * @param createStatement the statement that creates it ({@link SqlViews#createView})
   * @param deletedPositions per file with deleted rows, in the order of their keys, the positions
   * @param root the table's directory, the only place the query may read
   */
  record View(String createStatement, List<long[]> deletedPositions, String root) {}

  /**
   * Creates the views and prints the query's rows.
   *
   * @return the number of rows printed
   * @throws CliException when DuckDB refuses the query (one line: its error)
   */
  static long run(List<View> views, String query, OutputFormat format, long limit, int maxWidth, int lineWidth,
      PrintWriter out) {
    Properties props = new Properties();
    props.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
    try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", props)) {
      prepare((DuckDBConnection) c, views, null);
      try (Statement s = c.createStatement()) {
        if (!s.execute(query)) {
          return 0;
        }
        try (ResultSet rs = s.getResultSet()) {
          return print(rs, format, limit, maxWidth, lineWidth, out);
        }
      }
    } catch (SQLException e) {
      throw new SqlQueryException(e);
    }
  }

  /**
   * Writes the query's rows (at most {@code limit}) to a Parquet file, replaced only once complete.
   *
   * @return the number of rows written
   * @throws CliException when DuckDB refuses the query or cannot write the file
   */
  static long export(List<View> views, String query, long limit, Path output) {
    String select = query.strip();
    while (select.endsWith(";")) {
      select = select.substring(0, select.length() - 1).strip();
    }
    if (limit != Long.MAX_VALUE) {
      select = "SELECT * FROM (" + select + ") LIMIT " + limit;
    }
    String copy = select;
    try {
      return DuckParquet.replacing(output, partial -> {
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
          prepare((DuckDBConnection) c, views, partial);
          try (Statement s = c.createStatement()) {
            return s.executeUpdate("COPY (" + copy + ") TO " + SqlViews.literal(partial.toString())
                + " (FORMAT parquet)");
          }
        }
      });
    } catch (SQLException e) {
      throw new SqlQueryException(e);
    }
  }

  /** Loads the deleted positions, creates the views and shuts DuckDB in ({@code writable}: the one file it may write). */
  private static void prepare(DuckDBConnection c, List<View> views, Path writable) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions = false");
      s.execute("SET autoload_known_extensions = false");
      s.execute("SET TimeZone = 'UTC'"); // timestamps print as UTC instants, as scan prints them
      s.execute("CREATE TABLE " + SqlViews.DELETED_ROWS + " (file INTEGER, pos BIGINT)");
      try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, SqlViews.DELETED_ROWS)) {
        int key = 0;
        for (View v : views) {
          for (long[] positions : v.deletedPositions()) {
            for (long p : positions) {
              a.beginRow();
              a.append(key);
              a.append(p);
              a.endRow();
            }
            key++;
          }
        }
      }
      for (View v : views) {
        s.execute(v.createStatement());
      }
      StringJoiner dirs = new StringJoiner(", ", "[", "]");
      views.forEach(v -> dirs.add(SqlViews.literal(v.root())));
      s.execute("SET allowed_directories = " + dirs);
      if (writable != null) {
        s.execute("SET allowed_paths = [" + SqlViews.literal(writable.toString()) + "]");
      }
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    }
  }

  private static long print(ResultSet rs, OutputFormat format, long limit, int maxWidth, int lineWidth, PrintWriter out)
      throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> names = new ArrayList<>(n);
    boolean[] numeric = new boolean[n];
    for (int i = 0; i < n; i++) {
      names.add(md.getColumnLabel(i + 1));
      numeric[i] = isNumeric(md.getColumnType(i + 1));
    }
    RowSink sink = format.open(names, numeric, out, maxWidth, lineWidth);
    long printed = 0;
    Object[] values = new Object[n];
    while (printed < limit && rs.next()) {
      for (int i = 0; i < n; i++) {
        values[i] = SqlValues.of(rs.getObject(i + 1));
      }
      sink.row(values);
      printed++;
    }
    sink.finish();
    return printed;
  }

  private static boolean isNumeric(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
          Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }
}

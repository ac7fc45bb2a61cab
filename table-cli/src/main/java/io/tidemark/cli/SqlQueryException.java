package io.tidemark.cli;

import java.sql.SQLException;

/**
 * DuckDB refused or failed a query: its first line ({@code Parser Error: ...}, {@code Binder
 * Error: ...}), without the excerpt of the query DuckDB adds below.
 */
final class SqlQueryException extends RuntimeException {
  SqlQueryException(SQLException cause) {
    super("SQL: " + firstLine(cause.getMessage()), cause);
  }

  /** The first line of a DuckDB error message (DuckDB adds an excerpt of the query below it). */
  static String firstLine(String message) {
    if (message == null) {
      return "the query failed";
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.isEmpty() ? "the query failed" : line;
  }
}

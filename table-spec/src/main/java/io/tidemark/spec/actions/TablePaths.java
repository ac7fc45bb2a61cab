package io.tidemark.spec.actions;

import io.tidemark.spec.error.InvalidArgumentException;

/** The rule for file paths in the log: relative to the table root and never leaving it. */
public final class TablePaths {
  private TablePaths() {}

  /**
   * Checks that a path from the log stays inside the table: not empty, not absolute, no scheme,
   * no {@code .} or {@code ..} segment, no empty segment, no backslash.
   *
   * @throws InvalidArgumentException naming the path and the rule it breaks
   */
  public static void checkRelative(String path) {
    if (path == null || path.isEmpty()) {
      throw new InvalidArgumentException("file path is empty");
    }
    if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      throw new InvalidArgumentException("file path '" + path
          + "' must be relative to the table (no leading '/', no scheme, no backslash)");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidArgumentException("file path '" + path + "' escapes or is not normal within the table");
      }
    }
  }
}

package io.tidemark.core.io;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.OutsideTableException;

/** The string rules for table roots and the locations under them, shared by every storage. */
final class Locations {
  private Locations() {}

  /** The root without trailing {@code /}, refusing {@code .}, {@code ..} and empty segments. */
  static String checkedRoot(String location) {
    if (location == null || location.isBlank()) {
      throw new InvalidArgumentException("table location is empty");
    }
    String root = stripTrailingSlashes(location.strip());
    int schemeEnd = root.indexOf("://");
    String path = schemeEnd < 0 ? root : root.substring(schemeEnd + 3);
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new InvalidArgumentException("table location " + location + " has a '" + segment
            + "' segment; give it without one");
      }
    }
    return root;
  }

  static String stripTrailingSlashes(String location) {
    String out = location;
    while (out.length() > 1 && out.endsWith("/") && !out.endsWith("://")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  /**
   * Checks that {@code location} is {@code root}, a {@code /} and a relative path without
   * {@code .}, {@code ..} or empty segments: a storage that reads locations literally can then not
   * leave the root.
   */
  static void checkLexicallyWithin(String root, String location) {
    String prefix = root.endsWith("/") ? root : root + "/";
    if (!location.startsWith(prefix) || location.length() == prefix.length()) {
      throw new OutsideTableException(location, root, "it does not start with the table root");
    }
    for (String segment : location.substring(prefix.length()).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new OutsideTableException(location, root, "it has a '" + segment + "' segment");
      }
    }
  }
}

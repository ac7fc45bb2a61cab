package io.tidemark.core;

import io.tidemark.core.internal.checkpoint.CheckpointSettings;
import io.tidemark.core.internal.commit.RetryPolicy;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which table properties a writer accepts (spec.md section 12): the keys of
 * {@link TableProperties#names()} with valid values, and any key of the user namespace.
 */
final class PropertyRules {
  /** A key further than this many edits from every known key gets the list of keys, not a guess. */
  private static final int MAX_HINT_DISTANCE = 4;

  private PropertyRules() {}

  /** Checks the keys and values of a new table's properties. */
  static void checkNew(Map<String, String> properties) {
    properties.forEach((key, value) -> {
      checkKey(key);
      checkValue(key, value);
    });
    checkValues(properties);
  }

  /**
   * Refuses a key that is neither known nor in the user namespace, naming the closest known key.
   *
   * @throws InvalidArgumentException naming the key
   */
  static void checkKey(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidArgumentException("a table property key is empty");
    }
    if (key.startsWith(TableProperties.USER_PREFIX)) {
      if (key.length() == TableProperties.USER_PREFIX.length()) {
        throw new InvalidArgumentException("table property '" + key + "' needs a name after '"
            + TableProperties.USER_PREFIX + "'");
      }
      return;
    }
    if (TableProperties.names().contains(key)) {
      return;
    }
    String closest = closest(key);
    throw new InvalidArgumentException("unknown table property '" + key + "'"
        + (closest != null ? "; did you mean '" + closest + "'?" : "; known properties are "
            + new TreeSet<>(TableProperties.names()))
        + " (keys starting with '" + TableProperties.USER_PREFIX + "' are free for applications)");
  }

  static void checkValue(String key, String value) {
    if (value == null) {
      throw new InvalidArgumentException("table property " + key + " has no value");
    }
  }

  /**
   * Checks the values of the properties Tidemark reads, as the writers will read them.
   *
   * @throws InvalidArgumentException naming the property and the value
   */
  static void checkValues(Map<String, String> properties) {
    RetryPolicy.fromProperties(properties);
    WriterOptions.fromProperties(properties);
    CheckpointSettings.fromProperties(properties);
    DeleteMode.fromProperties(properties);
    String retention = properties.get(TableProperties.LOG_RETENTION_ENABLED);
    if (retention != null && !retention.trim().equalsIgnoreCase("true")
        && !retention.trim().equalsIgnoreCase("false")) {
      throw new InvalidArgumentException("table property " + TableProperties.LOG_RETENTION_ENABLED
          + " must be true or false, was '" + retention + "'");
    }
  }

  /**
   * The known key that ends with {@code key} (a name without its prefix), else the known key
   * fewest edits away from it, or null when none is close.
   */
  private static String closest(String key) {
    return closest(key, TableProperties.names());
  }

  /** Of {@code names}: the one ending with {@code .key}, else the one fewest edits away, or null when none is close. */
  static String closest(String key, Collection<String> names) {
    for (String name : new TreeSet<>(names)) {
      if (name.endsWith("." + key)) {
        return name;
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : new TreeSet<>(names)) {
      int d = distance(key, name);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(MAX_HINT_DISTANCE, key.length() / 3) ? best : null;
  }

  /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

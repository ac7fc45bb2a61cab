package io.tidemark.core;

import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@link Table} object is set up in this process: the sizes of its caches and the options of
 * the storage it opens by location (e.g. {@code s3.endpoint} with table-s3). Unlike table
 * properties, options are not stored with the table; each process chooses its own. Immutable.
 *
 * <pre>{@code
 * TableOptions options = TableOptions.of(Map.of("s3.endpoint", "http://localhost:9000"));
 * try (Table t = Tables.open("s3://bucket/events", options)) { ... }
 * }</pre>
 *
 * <p>Keys are those named here and those the storage modules on the classpath read (see their
 * {@link io.tidemark.core.io.FileIOProvider#optionKeys()}); any other key is refused.
 */
public final class TableOptions {
  /** Most bytes of parsed commit files a table keeps in memory (default 64 MiB). */
  public static final String COMMIT_CACHE_BYTES = "cache.commits.bytes";
  /** Most bytes of parsed manifests a table keeps in memory (default 256 MiB). */
  public static final String MANIFEST_CACHE_BYTES = "cache.manifests.bytes";
  /** Most file entries of time-travel snapshots a table keeps in memory (default 1,000,000). */
  public static final String SNAPSHOT_CACHE_FILES = "cache.snapshots.files";

  private static final Map<String, Long> DEFAULTS = Map.of(
      COMMIT_CACHE_BYTES, 64L << 20,
      MANIFEST_CACHE_BYTES, 256L << 20,
      SNAPSHOT_CACHE_FILES, 1_000_000L);
  private static final TableOptions NONE = new TableOptions(Map.of());

  private final Map<String, String> options;

  private TableOptions(Map<String, String> options) {
    this.options = options;
  }

  /** No options: every cache at its default size, the storage configured by its own defaults. */
  public static TableOptions defaults() {
    return NONE;
  }

  /**
   * These options, checked.
   *
   * @throws InvalidArgumentException naming a key that is not known (with the closest known key),
   *     or a cache size that is not a non-negative whole number
   */
  public static TableOptions of(Map<String, String> options) {
    Map<String, String> checked = new LinkedHashMap<>();
    Set<String> storageKeys = null;
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "option key");
      String value = Objects.requireNonNull(e.getValue(), () -> "value of option " + key);
      if (DEFAULTS.containsKey(key)) {
        parseSize(key, value);
      } else {
        if (storageKeys == null) {
          storageKeys = FileIOs.providerOptionKeys();
        }
        if (!storageKeys.contains(key)) {
          throw unknown(key, storageKeys);
        }
      }
      checked.put(key, value);
    }
    return checked.isEmpty() ? NONE : new TableOptions(Map.copyOf(checked));
  }

  /**
   * These options with one more (or replaced).
   *
   * @throws InvalidArgumentException as {@link #of} does
   */
  public TableOptions with(String key, String value) {
    Map<String, String> all = new LinkedHashMap<>(options);
    all.put(key, value);
    return of(all);
  }

  /** The options as given, without defaults. */
  public Map<String, String> asMap() {
    return options;
  }

  /** The value of a cache size option, or its default. */
  long size(String key) {
    String value = options.get(key);
    return value == null ? DEFAULTS.get(key) : parseSize(key, value);
  }

  private static long parseSize(String key, String value) {
    try {
      long size = Long.parseLong(value.strip());
      if (size >= 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidArgumentException("table option " + key + " must be a whole number of at least 0, was '"
        + value + "'");
  }

  private static InvalidArgumentException unknown(String key, Set<String> storageKeys) {
    Set<String> known = new TreeSet<>(DEFAULTS.keySet());
    known.addAll(storageKeys);
    String closest = PropertyRules.closest(key, known);
    String namespace = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    String hint = closest != null ? "; did you mean '" + closest + "'?"
        : "; known options are " + String.join(", ", known)
            + (DEFAULTS.keySet().stream().anyMatch(k -> k.startsWith(namespace + ".")) ? ""
                : " (options of a storage, such as s3.*, need its module, such as table-s3, on the classpath)");
    return new InvalidArgumentException("unknown table option '" + key + "'" + hint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableOptions other && other.options.equals(options);
  }

  @Override
  public int hashCode() {
    return options.hashCode();
  }

  @Override
  public String toString() {
    return "TableOptions" + options;
  }
}

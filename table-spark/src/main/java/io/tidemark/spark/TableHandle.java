package io.tidemark.spark;

import io.tidemark.core.TableOptions;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.error.InvalidArgumentException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an executor needs to reach a table: its location and the table options its storage is
 * opened with ({@code s3.endpoint}, {@code s3.credentials-provider}, ...), never a {@code Table}
 * object. The options come from the catalog ({@code spark.sql.catalog.<name>.<key>}) or from a
 * path read or write's own options ({@code option("s3.endpoint", ...)}); nothing is read from
 * system properties.
 *
 * @param location the table's root
 * @param options the table options, as given
 */
record TableHandle(String location, Map<String, String> options) implements Serializable {
  TableHandle {
    options = Map.copyOf(options);
  }

  /** The options, checked again as {@link TableOptions} (as on the driver). */
  TableOptions tableOptions() {
    return TableOptions.of(options);
  }

  /** A new file IO for the table, owned by the caller. */
  FileIO io() {
    return FileIOs.forLocation(location, options);
  }

  /**
   * The table options among a catalog's options: every key but those the catalog reads itself.
   *
   * @throws InvalidArgumentException naming a key that is no table option
   */
  static TableOptions fromCatalog(Map<String, String> catalogOptions, Set<String> catalogKeys) {
    Map<String, String> out = new LinkedHashMap<>();
    catalogOptions.forEach((k, v) -> {
      if (!catalogKeys.contains(k)) {
        out.put(k, v);
      }
    });
    try {
      return TableOptions.of(out);
    } catch (InvalidArgumentException e) {
      throw new InvalidArgumentException("Tidemark catalog option: " + e.getMessage(), e);
    }
  }

  /**
   * The table options among a path read or write's options: the keys in a table option's
   * namespace ({@code s3.*}, {@code cache.*}); the others ({@code path}, {@code versionAsOf}, ...)
   * are the read's or write's own. A misspelt key in such a namespace is refused.
   */
  static TableOptions fromDataFrame(Map<String, String> options) {
    Set<String> namespaces = new TreeSet<>();
    Set<String> known = new TreeSet<>(FileIOs.providerOptionKeys());
    known.addAll(Set.of(TableOptions.COMMIT_CACHE_BYTES, TableOptions.MANIFEST_CACHE_BYTES,
        TableOptions.SNAPSHOT_CACHE_FILES));
    for (String key : known) {
      namespaces.add(namespace(key));
    }
    Map<String, String> out = new LinkedHashMap<>();
    options.forEach((k, v) -> {
      if (k.contains(".") && namespaces.contains(namespace(k))) {
        out.put(k, v);
      }
    });
    return TableOptions.of(out);
  }

  private static String namespace(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}

package io.tidemark.core.internal.io;

import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.core.io.InputFile;
import io.tidemark.spec.actions.TablePaths;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Where a table's files are: the one place that knows the table's layout ({@code _log/},
 * {@code _manifests/}, {@code data/}, spec.md section 9), that turns a path relative to the table
 * into a location on the table's storage, and that checks, before a data file is read or anything
 * is deleted, that the storage resolves the location inside the table.
 */
public final class TableLocations {
  /** The log directory, relative to the table root. */
  public static final String LOG_DIR = "_log";
  /** The directory of checkpoint manifests, relative to the table root. */
  public static final String MANIFEST_DIR = "_manifests";
  /** The directory of data files, relative to the table root. */
  public static final String DATA_DIR = "data";

  private final FileIO io;
  private final String root;

  /**
   * The locations of the table at {@code location} on {@code io}.
   *
   * @param location the table root in any spelling the storage accepts; kept in the storage's
   *     {@linkplain FileIO#tableRoot one spelling}
   */
  public TableLocations(FileIO io, String location) {
    this.io = io;
    this.root = io.tableRoot(location);
  }

  /**
   * The location of a path relative to a table root, unchecked: the one place locations are
   * joined. The path is appended literally (spec.md section 9); use {@link #resolve} to check it.
   */
  public static String locationOf(String root, String relativePath) {
    return root + "/" + relativePath;
  }

  /** The prefix that lists the log of the table at {@code root}: {@code <root>/_log/}. */
  public static String logPrefix(String root) {
    return locationOf(root, LOG_DIR + "/");
  }

  /** The prefix that lists the manifests of the table at {@code root}: {@code <root>/_manifests/}. */
  public static String manifestPrefix(String root) {
    return locationOf(root, MANIFEST_DIR + "/");
  }

  /** The prefix that lists the data files of the table at {@code root}: {@code <root>/data/}. */
  public static String dataPrefix(String root) {
    return locationOf(root, DATA_DIR + "/");
  }

  /**
   * The directory, relative to the root, of a partition's data files: {@code data/<partition path>},
   * or {@code data} for an unpartitioned table (an empty partition path).
   */
  public static String dataDirectory(String partitionPath) {
    return partitionPath.isEmpty() ? DATA_DIR : DATA_DIR + "/" + partitionPath;
  }

  /** A new file's path, relative to the root, in a directory relative to it: {@code <dir>/<uuid>.parquet}. */
  public static String newParquetFile(String directory) {
    return directory + "/" + UUID.randomUUID() + ".parquet";
  }

  /** The table root, without trailing slash. */
  public String root() {
    return root;
  }

  /**
   * The location of a path relative to the table root.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the path breaks spec.md's rule for
   *     file paths
   */
  public String resolve(String relativePath) {
    TablePaths.checkRelative(relativePath);
    return locationOf(root, relativePath);
  }

  /**
   * The location of a relative path, checked to resolve inside the table on its storage.
   *
   * @throws io.tidemark.spec.error.OutsideTableException when it resolves outside
   * @throws StorageException when the storage cannot tell
   */
  public String resolveInside(String relativePath) {
    String location = resolve(relativePath);
    checkInside(location);
    return location;
  }

  /**
   * Checks that a location resolves inside the table on its storage.
   *
   * @throws io.tidemark.spec.error.OutsideTableException when it resolves outside
   * @throws StorageException when the storage cannot tell
   */
  public void checkInside(String location) {
    try {
      io.checkWithin(root, location);
    } catch (IOException e) {
      throw new StorageException("cannot tell whether " + location + " is inside the table: " + e.getMessage(), e);
    }
  }

  /** A data file to read, named by its path relative to the table root and checked to be inside it. */
  public InputFile inputFile(String relativePath) {
    return io.newInputFile(resolveInside(relativePath));
  }

  /**
   * Deletes a file of the table, after checking that it resolves inside the table.
   *
   * @throws io.tidemark.spec.error.OutsideTableException when it resolves outside (nothing is deleted)
   * @throws IOException when the storage fails to delete it
   */
  public void delete(String location) throws IOException {
    checkInside(location);
    io.delete(location);
  }

  /**
   * Deletes files of the table, in bulk where the storage can ({@link FileIOs#deleteFiles}), after
   * checking that every one resolves inside the table: one that does not stops the delete before
   * anything is deleted.
   *
   * @return the files that could not be deleted, each with the reason; empty when all are gone
   * @throws io.tidemark.spec.error.OutsideTableException when one resolves outside (nothing is deleted)
   * @throws IOException when a bulk delete failed as a whole
   */
  public Map<String, String> deleteAll(Collection<String> locations) throws IOException {
    for (String location : locations) {
      checkInside(location);
    }
    return FileIOs.deleteFiles(io, locations);
  }
}

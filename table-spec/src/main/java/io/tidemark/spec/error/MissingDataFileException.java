package io.tidemark.spec.error;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Data files that a version of the table references are gone from storage, typically because
 * vacuum deleted them after they left the retention window. Raised instead of returning a partial
 * read (time travel to such a version) and by restore before it commits.
 */
public class MissingDataFileException extends StorageException {
  private final List<String> paths;
  private final long version;

  /**
   * An error about files that are gone.
   *
   * @param paths the missing files, relative to the table root
   * @param version the table version that references them
   * @param message the whole message, naming the files and the version
   * @param cause the storage error that revealed it, or null
   */
  public MissingDataFileException(List<String> paths, long version, String message, Throwable cause) {
    super(message, cause);
    this.paths = List.copyOf(paths);
    this.version = version;
  }

  /** The message of a scan that found one file gone. */
  public static MissingDataFileException scanning(String path, long version, Throwable cause) {
    return new MissingDataFileException(List.of(path), version, "data file " + path + " of version " + version
        + " is gone (vacuumed?); versions older than the vacuum retention cannot be read", cause);
  }

  /** The missing files, relative to the table root. */
  public List<String> paths() {
    return paths;
  }

  /** The version that references them. */
  public long version() {
    return version;
  }

  /** True when the error or one of its causes says a file does not exist. */
  public static boolean isNotFound(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FileNotFoundException || t instanceof NoSuchFileException
          || t instanceof MissingDataFileException) {
        return true;
      }
    }
    return false;
  }
}

package io.tidemark.core.internal.io;

import io.tidemark.core.io.FileIO;
import io.tidemark.spec.error.StorageException;

/**
 * Storage errors whose message says once what failed where. A {@link FileIO} often names the
 * operation and location in its own exception already ({@code cannot list s3://b/t/_log/: ...});
 * wrapping that message whole would repeat them.
 */
public final class StorageErrors {
  private StorageErrors() {}

  /**
   * The error for a failed storage operation: {@code <action> <location>: <detail>}.
   *
   * @param action what was being done, e.g. {@code "cannot list"}
   * @param location the file or prefix it was done on
   * @param cause the storage's error; its own leading {@code cannot ... <location>: } is dropped
   */
  public static StorageException failed(String action, String location, Throwable cause) {
    return new StorageException(action + " " + location + ": " + detail(location, cause), cause);
  }

  /** The cause's message without a leading {@code cannot <operation> <location>: } naming the same location. */
  static String detail(String location, Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    String named = location + ": ";
    int at = message.indexOf(named);
    if (message.startsWith("cannot ") && at > 0 && message.indexOf(": ") == at + location.length()) {
      return message.substring(at + named.length());
    }
    return message;
  }
}

package io.tidemark.spec.error;

/** Reading or writing the table's storage failed (I/O error, permission, missing file). */
public class StorageException extends TidemarkException {
  /** @param message the file and the operation that failed */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

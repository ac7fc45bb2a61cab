package io.tidemark.spec.error;

/**
 * Root of every error Tidemark raises on purpose. Catch this to handle any table failure;
 * catch a subclass to handle one kind.
 */
public class TidemarkException extends RuntimeException {
  /** Creates an error with a message that is meant to be shown to a person as it is. */
  public TidemarkException(String message) {
    super(message);
  }

  /** Creates an error with a message and the lower-level cause. */
  public TidemarkException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tidemark.spec.error;

/** A caller passed something that cannot be right: a bad name, type, path, option or value. */
public class InvalidArgumentException extends TidemarkException {
  /** @param message what was wrong with the argument */
  public InvalidArgumentException(String message) {
    super(message);
  }

  /** Same, with the lower-level cause. */
  public InvalidArgumentException(String message, Throwable cause) {
    super(message, cause);
  }
}

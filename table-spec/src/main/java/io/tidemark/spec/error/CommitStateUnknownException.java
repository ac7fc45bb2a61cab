package io.tidemark.spec.error;

/**
 * Writing the commit file failed and reading it back failed too, so whether the commit happened
 * is not known. The data files it names are kept; load the table again to find out.
 */
public class CommitStateUnknownException extends TidemarkException {
  /** @param message which commit file and what failed */
  public CommitStateUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tidemark.spec.error;

/**
 * A commit could not be made because a concurrent commit conflicts with it, or because the
 * retries allowed were used up. Nothing of this commit is in the table.
 */
public class CommitConflictException extends TidemarkException {
  private final long conflictingVersion;
  private final String reason;

  /**
   * @param conflictingVersion the version of the concurrent commit that conflicts (or the last
   *     version tried, when retries ran out)
   * @param reason why the two commits cannot both be applied
   */
  public CommitConflictException(long conflictingVersion, String reason) {
    super("commit conflict at version " + conflictingVersion + ": " + reason);
    this.conflictingVersion = conflictingVersion;
    this.reason = reason;
  }

  /** The version of the commit this one lost to. */
  public long conflictingVersion() {
    return conflictingVersion;
  }

  /** Why the commit was refused. */
  public String reason() {
    return reason;
  }
}

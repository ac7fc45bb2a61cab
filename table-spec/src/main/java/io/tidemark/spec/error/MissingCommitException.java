package io.tidemark.spec.error;

/**
 * A commit file that a read needs is not in the log, and log retention cannot have expired it
 * (spec sections 10.1 and 14): the log is damaged. Versions that do not need it stay readable.
 */
public class MissingCommitException extends CorruptLogException {
  private final long version;

  /**
   * @param file the missing commit file, as a path relative to the table root
   * @param version its version
   * @param problem what is missing and why it matters, beyond "the file is missing"
   */
  public MissingCommitException(String file, long version, String problem) {
    super(file, 0, problem);
    this.version = version;
  }

  /** The version whose commit file is missing. */
  public long version() {
    return version;
  }
}

package io.tidemark.spec.error;

/**
 * A commit carried an application transaction (app id and version) that the table already
 * holds: the same work was committed before and is refused rather than applied twice.
 */
public class DuplicateTransactionException extends TidemarkException {
  private final String appId;
  private final long appVersion;
  private final long committedAppVersion;

  /**
   * @param appId the application id
   * @param appVersion the version the commit carried
   * @param committedAppVersion the highest version the table holds for this application
   */
  public DuplicateTransactionException(String appId, long appVersion, long committedAppVersion) {
    super("application transaction '" + appId + "' version " + appVersion
        + " is already committed (the table holds version " + committedAppVersion + ")");
    this.appId = appId;
    this.appVersion = appVersion;
    this.committedAppVersion = committedAppVersion;
  }

  /** The application id. */
  public String appId() {
    return appId;
  }

  /** The version this commit carried. */
  public long appVersion() {
    return appVersion;
  }

  /** The highest version already committed for this application. */
  public long committedAppVersion() {
    return committedAppVersion;
  }
}

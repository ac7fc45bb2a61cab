package io.tidemark.spec.actions;

import io.tidemark.spec.error.InvalidArgumentException;

/**
 * An application transaction: the writer {@code appId} has committed its work numbered
 * {@code version}. A later commit with the same app id and a version not greater is a duplicate.
 *
 * @param appId the application's id, chosen by the application
 * @param version the application's own increasing version
 * @param lastUpdated when it was committed, epoch milliseconds, or null
 */
public record Txn(String appId, long version, Long lastUpdated) implements Action {
  /** Checks the app id is present. */
  public Txn {
    if (appId == null || appId.isBlank()) {
      throw new InvalidArgumentException("application transaction id must not be empty");
    }
  }

  @Override
  public String actionName() {
    return "txn";
  }
}

package io.tidemark.core.internal.commit;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.TidemarkException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter.
 *
 * @param maxAttempts the most versions a commit tries
 * @param minWaitMillis the first backoff bound
 * @param maxWaitMillis the largest backoff bound
 */
public record RetryPolicy(int maxAttempts, long minWaitMillis, long maxWaitMillis) {
  /** Table property: the most attempts. */
  public static final String MAX_ATTEMPTS = "commit.retry.max-attempts";
  /** Table property: first backoff bound in ms. */
  public static final String MIN_WAIT_MS = "commit.retry.min-wait-ms";
  /** Table property: largest backoff bound in ms. */
  public static final String MAX_WAIT_MS = "commit.retry.max-wait-ms";

  /**
   * The policy from table properties, defaults 100 attempts, 1..25 ms: a short cap keeps losers
   * from sleeping through the next free version (measured in table-bench's commit workload).
   */
  public static RetryPolicy fromProperties(Map<String, String> properties) {
    return new RetryPolicy(
        (int) positive(properties, MAX_ATTEMPTS, "100"),
        positive(properties, MIN_WAIT_MS, "1"),
        positive(properties, MAX_WAIT_MS, "25"));
  }

  private static long positive(Map<String, String> properties, String key, String defaultValue) {
    String text = properties.getOrDefault(key, defaultValue);
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 1 && value <= Integer.MAX_VALUE) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidArgumentException("table property " + key + " must be a positive integer, was '" + text + "'");
  }

  /** Sleeps before attempt number {@code attempt} (2 for the first retry). */
  void backoff(int attempt) {
    int exponent = Math.min(attempt - 2, 20);
    long bound = Math.min(maxWaitMillis, minWaitMillis << exponent);
    long sleep = ThreadLocalRandom.current().nextLong(bound + 1);
    if (sleep > 0) {
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TidemarkException("interrupted while waiting to retry a commit; nothing was committed", e);
      }
    }
  }
}

package io.tidemark.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Retries of idempotent requests for the failures the SDK does not retry itself: a connection
 * that breaks while the SDK parses an XML answer (a listing, say) surfaces as "could not parse
 * XML response" after one attempt.
 */
final class Retries {
  private static final Logger LOG = LoggerFactory.getLogger(Retries.class);
  static final int ATTEMPTS = 4;
  /**
   * Switches the SDK's retries off for one request whose retry is not idempotent (a conditional
   * PUT, creating a multipart upload): the caller retries it knowing what a lost answer means.
   */
  static final SdkPlugin NO_SDK_RETRIES = config -> config.overrideConfiguration(
      config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

  private Retries() {}

  /** Runs an idempotent request; returns its result or throws what {@link S3Errors#translate} makes of the failure. */
  static <T> T idempotent(String operation, S3Location loc, Supplier<T> request) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (SdkException e) {
        if (attempt >= ATTEMPTS || !brokenWithoutSdkRetry(e)) {
          throw S3Errors.translate(operation, loc, e);
        }
        LOG.debug("{} {} broke off ({}); again", operation, loc, e.getMessage());
        pause(attempt, loc);
      }
    }
  }

  /** A connection failure on the first and only attempt the SDK made. */
  static boolean brokenWithoutSdkRetry(SdkException e) {
    if (S3Errors.status(e) != 0 || e instanceof AbortedException || e instanceof ApiCallTimeoutException) {
      return false;
    }
    if (e.numAttempts() != null && e.numAttempts() > 1) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  static void pause(int attempt, S3Location loc) throws IOException {
    try {
      Thread.sleep(50L << Math.min(attempt, 6));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry a request on " + loc);
    }
  }
}

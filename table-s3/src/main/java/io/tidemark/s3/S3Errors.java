package io.tidemark.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK failures into Tidemark's: transient ones (timeouts, connection errors, 5xx and
 * throttling once the SDK's retries are spent) become {@link IOException}, whose outcome callers
 * may settle by reading back; definite refusals (403, missing bucket, other 4xx) become
 * {@link S3StorageException}. Messages name operation, bucket and key, never credentials.
 */
final class S3Errors {
  static final int PRECONDITION_FAILED = 412;
  static final int CONFLICT = 409;
  /** The {@link S3StorageException#errorCode()} when the SDK found no credentials to sign with. */
  static final String NO_CREDENTIALS = "NoCredentials";

  private S3Errors() {}

  static int status(SdkException e) {
    return e instanceof AwsServiceException s ? s.statusCode() : 0;
  }

  static String code(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null) {
      return s.awsErrorDetails().errorCode();
    }
    return "";
  }

  static boolean isNotFound(SdkException e) {
    return status(e) == 404 && !"NoSuchBucket".equals(code(e));
  }

  static boolean isThrottling(SdkException e) {
    String code = code(e);
    return status(e) == 429 || code.equals("SlowDown") || code.equals("Throttling") || code.equals("RequestLimitExceeded")
        || (status(e) == 503 && code.isEmpty());
  }

  /**
   * The error to throw for a failed request: returns an IOException for transient failures,
   * throws {@link S3StorageException} for definite ones.
   *
   * @param operation what was being done, e.g. "read"
   */
  static IOException translate(String operation, S3Location loc, SdkException e) {
    int status = status(e);
    String code = code(e);
    if (e instanceof AbortedException) {
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while trying to " + operation + " " + loc);
      interrupted.initCause(e);
      return interrupted;
    }
    if (isMissingCredentials(e)) {
      // the SDK's message lists every provider of its chain (some 1,500 characters): say what to set instead
      throw new S3StorageException("cannot " + operation + " " + loc + ": no AWS credentials found; set"
          + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with ~/.aws/credentials",
          loc.bucket(), loc.key(), 0, NO_CREDENTIALS, e);
    }
    if (status == 0 || status >= 500 || status == 429 || e instanceof ApiCallTimeoutException) {
      return new IOException("cannot " + operation + " " + loc + ": " + describe(e), e);
    }
    throw definite(operation, loc, status, code, e);
  }

  static S3StorageException definite(String operation, S3Location loc, int status, String code, SdkException e) {
    String what;
    if (code.equals("NoSuchBucket")) {
      what = "bucket '" + loc.bucket() + "' does not exist; check the bucket name and the endpoint";
    } else if (status == 403) {
      what = "access denied to bucket '" + loc.bucket() + "' key '" + loc.key() + "' (" + detail(status, code, e)
          + "); check the credentials and their permissions (S3 also answers 403 for a missing key when the"
          + " credentials may not list the bucket)";
    } else if (status == 301 || code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")) {
      what = "bucket '" + loc.bucket() + "' is in another region or needs another endpoint (" + detail(status, code, e) + ")";
    } else if (status == 404) {
      what = "bucket '" + loc.bucket() + "' key '" + loc.key() + "' not found (" + detail(status, code, e) + ")";
    } else {
      what = "S3 refused the request for bucket '" + loc.bucket() + "' key '" + loc.key() + "' (" + detail(status, code, e) + ")";
    }
    return new S3StorageException("cannot " + operation + " " + loc + ": " + what, loc.bucket(), loc.key(), status, code, e);
  }

  private static String detail(int status, String code, SdkException e) {
    String message = e instanceof S3Exception s && s.awsErrorDetails() != null ? s.awsErrorDetails().errorMessage() : null;
    return status + (code.isEmpty() ? "" : " " + code) + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static String describe(SdkException e) {
    int status = status(e);
    if (status != 0) {
      return detail(status, code(e), e);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ConnectException || root instanceof UnknownHostException
        || root instanceof NoRouteToHostException) {
      return "cannot reach S3 (" + root.getMessage() + "); check the endpoint and the network";
    }
    return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * Whether the SDK failed before sending because no credentials provider had any. The SDK has no
   * type for this, only its message.
   */
  static boolean isMissingCredentials(SdkException e) {
    return e instanceof SdkClientException && e.getMessage() != null
        && e.getMessage().startsWith("Unable to load credentials");
  }
}

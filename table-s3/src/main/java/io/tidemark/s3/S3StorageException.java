package io.tidemark.s3;

import io.tidemark.spec.error.StorageException;

/**
 * S3 refused a request for a reason retrying will not fix: access denied (403), a bucket that
 * does not exist, a wrong region, a malformed request; or the request could not be signed because
 * no credentials were found (status 0, error code {@code NoCredentials}). The message names the operation, the
 * bucket and the key, and S3's error code; it never contains credentials.
 */
public final class S3StorageException extends StorageException {
  private final String bucket;
  private final String key;
  private final int statusCode;
  private final String errorCode;

  S3StorageException(String message, String bucket, String key, int statusCode, String errorCode, Throwable cause) {
    super(message, cause);
    this.bucket = bucket;
    this.key = key;
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }

  /** The bucket of the failed request. */
  public String bucket() {
    return bucket;
  }

  /** The key of the failed request; empty for a request on the bucket (listing). */
  public String key() {
    return key;
  }

  /** The HTTP status S3 answered with, such as 403 or 404; 0 when the request was not sent. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * S3's error code, such as {@code AccessDenied} or {@code NoSuchBucket}; empty when S3 sent none
   * (HEAD); {@code NoCredentials} when no credentials were found to sign the request with.
   */
  public String errorCode() {
    return errorCode;
  }

  /** True when the bucket does not exist. */
  public boolean isNoSuchBucket() {
    return "NoSuchBucket".equals(errorCode);
  }

  /** True when S3 refused the credentials or their permissions (HTTP 403). */
  public boolean isAccessDenied() {
    return statusCode == 403;
  }
}

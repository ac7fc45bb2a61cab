package io.tidemark.s3;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Locale;

/**
 * A parsed {@code s3://bucket/key} (or {@code s3a://}) location. The scheme is kept so that
 * locations made from it (listing results) read the way the caller wrote them.
 */
record S3Location(String scheme, String bucket, String key) {
  static S3Location parse(String location) {
    int sep = location.indexOf("://");
    String scheme = sep < 0 ? "" : location.substring(0, sep).toLowerCase(Locale.ROOT);
    if (!scheme.equals("s3") && !scheme.equals("s3a")) {
      throw new InvalidArgumentException("not an S3 location (expected s3://bucket/key): " + location);
    }
    String rest = location.substring(sep + 3);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new InvalidArgumentException("S3 location has no bucket: " + location);
    }
    return new S3Location(scheme, bucket, key);
  }

  /** The location of another key in the same bucket, with the same scheme. */
  String withKey(String otherKey) {
    return scheme + "://" + bucket + "/" + otherKey;
  }

  @Override
  public String toString() {
    return withKey(key);
  }
}

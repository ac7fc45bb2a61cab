package io.tidemark.spec.error;

/** The table needs a protocol version or feature this library does not implement. */
public class UnsupportedFeatureException extends TidemarkException {
  /** @param message names the version or feature and what this library supports */
  public UnsupportedFeatureException(String message) {
    super(message);
  }
}

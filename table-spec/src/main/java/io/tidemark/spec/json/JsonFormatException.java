package io.tidemark.spec.json;

/** A JSON value does not have the shape the format requires; turned into a typed error by the caller. */
final class JsonFormatException extends RuntimeException {
  JsonFormatException(String message) {
    super(message);
  }

  JsonFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

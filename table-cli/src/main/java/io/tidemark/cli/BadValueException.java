package io.tidemark.cli;

/** A CSV field that is not a value of its column's type; the message says why, without the row. */
final class BadValueException extends Exception {
  BadValueException(String reason) {
    super(reason);
  }
}

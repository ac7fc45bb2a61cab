package io.tidemark.cli;

/** A failure the command line found itself (bad CSV, bad value); its message is printed as it is. */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tidemark.cli;

/** Carries a {@link LinkageError} or other {@link Error} out of a command to the error handler. */
final class UnexpectedError extends RuntimeException {
  UnexpectedError(Error cause) {
    super(cause);
  }
}

package io.tidemark.cli;

import java.io.IOException;

/**
 * Writing the command's output failed. When the reader went away (a closed pipe, as after
 * {@code | head}) the command stops at once and exits quietly with 141, as Unix tools killed by
 * SIGPIPE do; any other write failure is an error line.
 */
final class OutputClosedException extends RuntimeException {
  OutputClosedException(IOException cause) {
    super("cannot write the output: " + cause.getMessage(), cause);
  }

  /** Whether the reader closed the pipe (EPIPE), as opposed to, say, a full disk. */
  boolean brokenPipe() {
    String message = getCause().getMessage();
    return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("broken pipe");
  }
}

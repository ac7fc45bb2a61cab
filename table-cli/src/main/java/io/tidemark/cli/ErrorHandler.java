package io.tidemark.cli;

import io.tidemark.spec.error.TidemarkException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's failure into one line on stderr, {@code tidemark: <message>}, and exit code 1;
 * with {@code --verbose} the stack trace follows. Library and CLI errors show their message,
 * anything else its class name and message.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  /** The exit code of a command whose output pipe was closed by its reader (128 + SIGPIPE). */
  static final int BROKEN_PIPE = 141;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Throwable error = ex instanceof UnexpectedError ? ex.getCause() : ex;
    PrintWriter err = cmd.getErr();
    if (error instanceof OutputClosedException closed && closed.brokenPipe() && !verbose(parseResult)) {
      return closedOutput(closed, err);
    }
    err.println("tidemark: " + message(error));
    if (verbose(parseResult)) {
      error.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /**
   * The exit code when the output's reader went away: 141 (128 + SIGPIPE) and nothing printed,
   * as {@code yes | head} does; another write failure is an error line and 1.
   */
  static int closedOutput(OutputClosedException e, PrintWriter err) {
    if (e.brokenPipe()) {
      return BROKEN_PIPE;
    }
    err.println("tidemark: " + message(e));
    err.flush();
    return 1;
  }

  static String message(Throwable error) {
    String message = error.getMessage();
    String line;
    if (error instanceof TidemarkException || error instanceof CliException
        || error instanceof SqlQueryException || error instanceof OutputClosedException) {
      line = message == null ? error.getClass().getSimpleName() : message;
    } else {
      line = error.getClass().getName() + (message == null ? "" : ": " + message);
    }
    return line.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** Whether {@code --verbose} was given, on the top command or a subcommand. */
  static boolean verbose(ParseResult result) {
    for (ParseResult pr = result; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}

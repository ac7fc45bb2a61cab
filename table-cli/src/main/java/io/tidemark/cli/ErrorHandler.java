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
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Throwable error = ex instanceof UnexpectedError ? ex.getCause() : ex;
    PrintWriter err = cmd.getErr();
    err.println("tidemark: " + message(error));
    if (verbose(parseResult)) {
      error.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  static String message(Throwable error) {
    String message = error.getMessage();
    String line;
    if (error instanceof TidemarkException || error instanceof CliException) {
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

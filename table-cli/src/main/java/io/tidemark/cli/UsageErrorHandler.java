package io.tidemark.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A usage error (unknown option, missing or bad argument) prints one line, {@code tidemark: <what
 * is wrong>}, then a hint naming the help to read, and exits 2; the whole help would bury the
 * error.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  /** Exit code of a usage error. */
  static final int USAGE = 2;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("tidemark: " + String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return USAGE;
  }
}

package io.tidemark.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line's log output: none by default, so that a failure is the one {@code tidemark:}
 * line; warnings and errors on stderr with {@code --verbose}.
 */
final class Logging {
  private Logging() {}

  /** Sets the level for the command about to run (commands in one process may differ). */
  static void configure(boolean verbose) {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(verbose ? Level.WARN : Level.OFF);
    }
  }
}

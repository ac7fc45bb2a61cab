package io.tidemark.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** The width of the terminal the output is on, so that table output can fit it as DuckDB's does. */
final class Terminal {
  private Terminal() {}

  /** The width of the terminal standard output is on; 0 when it is piped or redirected, or the width is unknown. */
  static int stdoutWidth() {
    return width(System.console() != null, System.getenv("COLUMNS"), Terminal::sttyColumns);
  }

  /**
   * The width to fit lines to: 0 (no limit) off a terminal; on one, {@code COLUMNS} when it holds a
   * positive number (shells set it, but seldom export it), else what {@code stty} says.
   */
  static int width(boolean terminal, String columns, IntSupplier stty) {
    if (!terminal) {
      return 0;
    }
    if (columns != null) {
      try {
        int n = Integer.parseInt(columns.strip());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // not a number: ask the terminal
      }
    }
    return Math.max(0, stty.getAsInt());
  }

  /** The columns {@code stty size} reports for the controlling terminal, or 0. */
  private static int sttyColumns() {
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return 0;
      }
      String[] rowsAndColumns = out.split("\\s+");
      return rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}

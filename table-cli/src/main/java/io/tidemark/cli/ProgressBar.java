package io.tidemark.cli;

import io.tidemark.core.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on stderr, only when stderr is a terminal: set
 * {@code -Dtidemark.progress=always} or {@code never} to decide instead.
 */
final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private boolean drawn;

  private ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** A bar on this writer when it goes to a terminal, else a listener that prints nothing. */
  static ProgressListener forTerminal(PrintWriter err) {
    return show() ? new ProgressBar(err) : p -> { };
  }

  /** Whether progress is shown: on a terminal, unless {@code tidemark.progress} says otherwise. */
  static boolean show() {
    String setting = System.getProperty("tidemark.progress", "auto");
    boolean show = switch (setting) {
      case "always" -> true;
      case "never" -> false;
      default -> isTerminal();
    };
    return show;
  }

  /** Java 17 cannot ask about stderr alone: a console and a TERM that is not dumb is the best guess. */
  private static boolean isTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.equals("dumb");
  }

  @Override
  public void progress(Progress p) {
    int filled = (int) Math.round(p.fraction() * WIDTH);
    err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %d/%d files  %s/%s", "#".repeat(filled),
        " ".repeat(WIDTH - filled), Math.round(p.fraction() * 100), p.filesDone(), p.filesTotal(),
        Sizes.format(p.bytesDone()), Sizes.format(p.bytesTotal())));
    drawn = true;
    if (p.filesDone() == p.filesTotal()) {
      finish();
    }
    err.flush();
  }

  /** Ends the bar's line. */
  void finish() {
    if (drawn) {
      err.println();
      drawn = false;
    }
  }
}

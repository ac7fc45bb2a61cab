package io.tidemark.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Rows read so far and the rate, redrawn in place on stderr about once a second while a long
 * append runs on a terminal (see {@link ProgressBar#show()}); silent otherwise.
 */
class RowProgress {
  /** Shows nothing. */
  static final RowProgress NONE = new RowProgress();

  private static final long INTERVAL_NANOS = 1_000_000_000L;
  private static final int CHECK_EVERY_ROWS = 4096;

  private RowProgress() {}

  /** Progress on {@code err} when it is shown at all. */
  static RowProgress forTerminal(PrintWriter err) {
    return ProgressBar.show() ? shown(err, INTERVAL_NANOS) : NONE;
  }

  /** Progress on {@code err}, redrawn at most every {@code intervalNanos}. */
  static RowProgress shown(PrintWriter err, long intervalNanos) {
    return new Shown(err, intervalNanos);
  }

  /** Called after each row. */
  void rows(long rows) {}

  /** Called once all rows are read. */
  void done(long rows) {}

  private static final class Shown extends RowProgress {
    private final PrintWriter err;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastDrawn = start;
    private boolean drawn;

    Shown(PrintWriter err, long intervalNanos) {
      this.err = err;
      this.intervalNanos = intervalNanos;
    }

    @Override
    void rows(long rows) {
      if (rows % CHECK_EVERY_ROWS != 0) {
        return;
      }
      long now = System.nanoTime();
      if (now - lastDrawn >= intervalNanos) {
        lastDrawn = now;
        draw(rows, now);
      }
    }

    @Override
    void done(long rows) {
      if (drawn) {
        draw(rows, System.nanoTime());
        err.println(", committing");
        err.flush();
      }
    }

    private void draw(long rows, long now) {
      double seconds = Math.max(1e-9, (now - start) / 1e9);
      err.print(String.format(Locale.ROOT, "\r%,d rows read, %,.0f rows/s", rows, rows / seconds));
      err.flush();
      drawn = true;
    }
  }
}

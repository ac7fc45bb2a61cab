package io.tidemark.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Lets the previous run's leftovers go before the next timed run starts. */
final class Quiesce {
  private static volatile boolean syncWorks = true;

  private Quiesce() {}

  /** Collects the garbage of the previous run. */
  static void settle() {
    System.gc();
    sleep(100);
  }

  /**
   * Also writes the operating system's dirty pages back (runs {@code sync}, where there is one), so
   * that a run that writes files does not pay for the writeback of the files the run before it
   * wrote: measured, the side that ran second was otherwise up to 1.5× slower, whichever it was.
   */
  static void settleIo() {
    if (syncWorks) {
      try {
        Process p = new ProcessBuilder("sync").redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroy();
        }
      } catch (IOException e) {
        syncWorks = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    settle();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.tidemark.core;

/** Receives the progress of a long operation; called on the operation's thread. */
@FunctionalInterface
public interface ProgressListener {
  /** Called once before the work starts and after each input file is done. */
  void progress(Progress progress);

  /**
   * How far an operation is.
   *
   * @param filesDone input files done
   * @param filesTotal input files in all
   * @param bytesDone bytes of the input files done
   * @param bytesTotal bytes of all input files
   */
  record Progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
    /** The fraction done, 0 to 1, by bytes. */
    public double fraction() {
      return bytesTotal == 0 ? 1.0 : (double) bytesDone / bytesTotal;
    }
  }
}

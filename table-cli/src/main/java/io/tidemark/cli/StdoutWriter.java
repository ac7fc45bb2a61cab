package io.tidemark.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command's standard output: buffered (a scan of millions of rows is not one system call per
 * line) and, unlike {@link System#out}, failing loudly. A {@link PrintWriter} swallows
 * {@link IOException}s, so a scan into {@code | head} would otherwise read the whole table into a
 * closed pipe; here a failed write throws {@link OutputClosedException} out of the command.
 */
final class StdoutWriter {
  private static final int BUFFER = 64 * 1024;

  private StdoutWriter() {}

  /** A writer over the process's standard output. */
  static PrintWriter stdout() {
    return over(new FileOutputStream(FileDescriptor.out));
  }

  /** A writer over any stream whose write failures end the command. */
  static PrintWriter over(OutputStream stream) {
    OutputStream failing = new FilterOutputStream(stream) {
      @Override
      public void write(byte[] b, int off, int len) {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw new OutputClosedException(e);
        }
      }

      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void flush() {
        try {
          out.flush();
        } catch (IOException e) {
          throw new OutputClosedException(e);
        }
      }
    };
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(failing, StandardCharsets.UTF_8), BUFFER), false);
  }
}

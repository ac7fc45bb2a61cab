package io.tidemark.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Remembers where line breaks are in the text read through it, so that a character position
 * (such as a CSV record's start) can be turned into a 1-based line number. A line break is
 * {@code \n}, {@code \r\n} or a lone {@code \r}. Positions must be asked in increasing order;
 * breaks before the last position asked are forgotten, so memory stays small.
 */
final class LineCountingReader extends FilterReader {
  private long position;
  private boolean lastWasCr;
  private long[] breaks = new long[64];
  private int head;
  private int tail;
  private long forgotten;

  LineCountingReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      see((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      see(buffer[offset + i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    char[] buffer = new char[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  private void see(char c) {
    if (c == '\r' || (c == '\n' && !lastWasCr)) {
      remember(position);
    }
    lastWasCr = c == '\r';
    position++;
  }

  private void remember(long at) {
    if (tail == breaks.length) {
      if (head > breaks.length / 2) {
        System.arraycopy(breaks, head, breaks, 0, tail - head);
        tail -= head;
        head = 0;
      } else {
        breaks = Arrays.copyOf(breaks, breaks.length * 2);
      }
    }
    breaks[tail++] = at;
  }

  /** The 1-based line the character at this 0-based position is on. */
  long lineOf(long characterPosition) {
    while (head < tail && breaks[head] < characterPosition) {
      head++;
      forgotten++;
    }
    return forgotten + 1;
  }
}

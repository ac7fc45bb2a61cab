package io.tidemark.s3;

import io.tidemark.core.io.FileRange;
import io.tidemark.core.io.SeekableInputStream;
import io.tidemark.core.io.SupportsVectoredReads;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Seekable reads of an S3 object by ranged GETs. {@code readFully} fetches exactly the range asked
 * for (Parquet reads column chunks that way); small {@code read} calls go through a window that
 * grows while reading runs sequentially; the object's tail, fetched when the file was opened, is
 * served from memory. Vectored reads (how Parquet reads row groups) coalesce ranges less
 * than {@value #MERGE_GAP} bytes apart into one GET. Not thread-safe, like any stream.
 */
final class S3InputStream extends SeekableInputStream implements SupportsVectoredReads {
  static final int MIN_WINDOW = 64 * 1024;
  static final int MAX_WINDOW = 4 << 20;
  static final int MERGE_GAP = 1 << 20;
  static final int MAX_MERGED = 16 << 20;

  private final ObjectReader reader;
  private final byte[] tail;
  private final long tailStart;
  private final long length;
  private byte[] window = new byte[0];
  private long windowStart;
  private int windowLen;
  private int nextWindow = MIN_WINDOW;
  private long pos;
  private boolean closed;

  S3InputStream(ObjectReader reader, ObjectReader.Tail tail) {
    this.reader = reader;
    this.tail = tail.bytes();
    this.tailStart = tail.start();
    this.length = tail.length();
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long newPos) throws IOException {
    checkOpen();
    if (newPos < 0 || newPos > length) {
      throw new EOFException("cannot seek to " + newPos + " in " + reader.location() + " of " + length + " bytes");
    }
    pos = newPos;
  }

  @Override
  public int read() throws IOException {
    checkOpen();
    if (pos >= length) {
      return -1;
    }
    if (buffered(pos) == 0) {
      fillWindow(1);
    }
    byte b = pos >= tailStart ? tail[(int) (pos - tailStart)] : window[(int) (pos - windowStart)];
    pos++;
    return b & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    checkOpen();
    if (len == 0) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    int n = (int) Math.min(len, length - pos);
    int available = buffered(pos);
    if (available > 0) {
      n = Math.min(n, available);
      copyBuffered(pos, b, off, n);
    } else if (n >= MIN_WINDOW) {
      fetch(pos, b, off, n);
    } else {
      fillWindow(n);
      n = Math.min(n, buffered(pos));
      copyBuffered(pos, b, off, n);
    }
    pos += n;
    return n;
  }

  @Override
  public void readFully(byte[] bytes) throws IOException {
    readFully(bytes, 0, bytes.length);
  }

  @Override
  public void readFully(byte[] bytes, int start, int len) throws IOException {
    Objects.checkFromIndexSize(start, len, bytes.length);
    checkOpen();
    checkAvailable(len);
    fetch(pos, bytes, start, len);
    pos += len;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    checkOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    int n = (int) Math.min(dst.remaining(), length - pos);
    transfer(dst, n);
    return n;
  }

  @Override
  public void readFully(ByteBuffer dst) throws IOException {
    checkOpen();
    checkAvailable(dst.remaining());
    transfer(dst, dst.remaining());
  }

  /** Reads the ranges, coalescing near ones, and completes each range's future with its bytes. */
  @Override
  public void readVectored(List<FileRange> ranges, IntFunction<ByteBuffer> allocator) throws IOException {
    checkOpen();
    List<FileRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(FileRange::offset));
    long previousEnd = 0;
    for (FileRange r : sorted) {
      if (r.offset() < previousEnd || r.length() < 0 || r.offset() + r.length() > length) {
        throw new IllegalArgumentException("bad or overlapping range " + r + " for " + reader.location() + " of " + length + " bytes");
      }
      previousEnd = r.offset() + r.length();
    }
    try {
      for (int i = 0; i < sorted.size(); ) {
        int j = i + 1;
        long groupStart = sorted.get(i).offset();
        long groupEnd = end(sorted.get(i));
        while (j < sorted.size() && sorted.get(j).offset() - groupEnd <= MERGE_GAP
            && end(sorted.get(j)) - groupStart <= MAX_MERGED) {
          groupEnd = end(sorted.get(j++));
        }
        readGroup(sorted.subList(i, j), groupStart, groupEnd, allocator);
        i = j;
      }
    } catch (IOException | RuntimeException e) {
      for (FileRange r : sorted) {
        r.data().completeExceptionally(e); // no effect on the ranges already read
      }
      throw e;
    }
  }

  private void readGroup(List<FileRange> group, long start, long end, IntFunction<ByteBuffer> allocator)
      throws IOException {
    byte[] merged = null;
    if (group.size() > 1) {
      merged = new byte[(int) (end - start)];
      fetch(start, merged, 0, merged.length);
    }
    for (FileRange r : group) {
      ByteBuffer buffer = allocator.apply(r.length());
      if (merged != null) {
        buffer.put(merged, (int) (r.offset() - start), r.length());
      } else {
        byte[] bytes = new byte[r.length()];
        fetch(r.offset(), bytes, 0, bytes.length);
        buffer.put(bytes);
      }
      buffer.flip();
      r.data().complete(buffer);
    }
  }

  private static long end(FileRange r) {
    return r.offset() + r.length();
  }

  private void transfer(ByteBuffer dst, int n) throws IOException {
    if (dst.hasArray()) {
      fetch(pos, dst.array(), dst.arrayOffset() + dst.position(), n);
      dst.position(dst.position() + n);
    } else {
      byte[] bytes = new byte[n];
      fetch(pos, bytes, 0, n);
      dst.put(bytes);
    }
    pos += n;
  }

  /** Bytes [p, p + len) into b: the part in the tail or the window from memory, the rest by one GET. */
  private void fetch(long p, byte[] b, int off, int len) throws IOException {
    long end = p + len;
    if (end > tailStart && tail.length > 0) {
      long from = Math.max(p, tailStart);
      System.arraycopy(tail, (int) (from - tailStart), b, off + (int) (from - p), (int) (end - from));
      end = from;
    }
    long windowEnd = windowStart + windowLen;
    if (p < end && p >= windowStart && p < windowEnd) {
      int n = (int) (Math.min(end, windowEnd) - p);
      System.arraycopy(window, (int) (p - windowStart), b, off, n);
      off += n;
      p += n;
    }
    if (p < end) {
      reader.readFully(p, b, off, (int) (end - p));
    }
  }

  /** How many bytes from p are in memory. */
  private int buffered(long p) {
    if (p >= tailStart && p < length) {
      return (int) (length - p);
    }
    if (p >= windowStart && p < windowStart + windowLen) {
      return (int) (windowStart + windowLen - p);
    }
    return 0;
  }

  private void copyBuffered(long p, byte[] b, int off, int n) {
    if (p >= tailStart) {
      System.arraycopy(tail, (int) (p - tailStart), b, off, n);
    } else {
      System.arraycopy(window, (int) (p - windowStart), b, off, n);
    }
  }

  /** Loads a window at pos; it doubles while reading is sequential, and stops where the tail starts. */
  private void fillWindow(int atLeast) throws IOException {
    boolean sequential = windowLen > 0 && pos == windowStart + windowLen;
    nextWindow = sequential ? Math.min(MAX_WINDOW, nextWindow * 2) : MIN_WINDOW;
    long limit = tail.length > 0 ? tailStart : length;
    int size = (int) Math.min(limit - pos, Math.max(atLeast, nextWindow));
    if (window.length < size) {
      window = new byte[size];
    }
    windowLen = 0;
    reader.readFully(pos, window, 0, size);
    windowStart = pos;
    windowLen = size;
  }

  private void checkAvailable(int len) throws EOFException {
    if (pos + len > length) {
      throw new EOFException("cannot read " + len + " bytes at " + pos + " of " + reader.location() + ": it has "
          + length + " bytes");
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("stream of " + reader.location() + " is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    window = new byte[0];
    windowLen = 0;
  }
}

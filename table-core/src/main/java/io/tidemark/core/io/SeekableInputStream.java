package io.tidemark.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A stream over a file that can move to any position: what readers of data files need. A
 * stream that can also fetch several ranges at once implements {@link SupportsVectoredReads}.
 * Not thread-safe.
 */
public abstract class SeekableInputStream extends InputStream {
  /** A stream at position 0. */
  protected SeekableInputStream() {}

  /** The position of the next byte read, from the start of the file. */
  public abstract long getPos() throws IOException;

  /**
   * Moves to a position.
   *
   * @throws EOFException when the position is beyond the end of the file
   */
  public abstract void seek(long newPos) throws IOException;

  /** Reads exactly {@code bytes.length} bytes; see {@link #readFully(byte[], int, int)}. */
  public void readFully(byte[] bytes) throws IOException {
    readFully(bytes, 0, bytes.length);
  }

  /**
   * Reads exactly {@code len} bytes into {@code bytes} from {@code start}.
   *
   * @throws EOFException when the file ends first
   */
  public void readFully(byte[] bytes, int start, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n = read(bytes, start + done, len - done);
      if (n < 0) {
        throw new EOFException("reached end of file with " + (len - done) + " bytes left to read");
      }
      done += n;
    }
  }

  /**
   * Reads up to {@code dst.remaining()} bytes into the buffer.
   *
   * @return the number of bytes read, or -1 at the end of the file
   */
  public int read(ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (dst.hasArray()) {
      int n = read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }
    byte[] chunk = new byte[Math.min(dst.remaining(), 64 * 1024)];
    int n = read(chunk, 0, chunk.length);
    if (n > 0) {
      dst.put(chunk, 0, n);
    }
    return n;
  }

  /**
   * Fills the buffer.
   *
   * @throws EOFException when the file ends first
   */
  public void readFully(ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      if (read(dst) < 0) {
        throw new EOFException("reached end of file with " + dst.remaining() + " bytes left to read");
      }
    }
  }
}

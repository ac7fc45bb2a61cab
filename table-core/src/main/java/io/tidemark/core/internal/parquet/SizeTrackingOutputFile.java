package io.tidemark.core.internal.parquet;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Wraps an output file so that the writer learns the file's exact size: the stream's position
 * when it is closed. Parquet creates the file; when the writer forces files later, it is
 * created unforced ({@link io.tidemark.core.io.OutputFile#createUnforced}).
 */
final class SizeTrackingOutputFile implements OutputFile {
  private final io.tidemark.core.io.OutputFile delegate;
  private final boolean unforced;
  private TrackingStream stream;

  SizeTrackingOutputFile(io.tidemark.core.io.OutputFile delegate, boolean unforced) {
    this.delegate = delegate;
    this.unforced = unforced;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    stream = new TrackingStream(unforced ? delegate.createUnforced(blockSizeHint) : delegate.create(blockSizeHint));
    return stream;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    stream = new TrackingStream(delegate.createOrOverwrite(blockSizeHint));
    return stream;
  }

  @Override
  public boolean supportsBlockSize() {
    return delegate.supportsBlockSize();
  }

  @Override
  public long defaultBlockSize() {
    return delegate.defaultBlockSize();
  }

  @Override
  public String getPath() {
    return delegate.getPath();
  }

  /**
   * The number of bytes in the file once its stream was closed.
   *
   * @throws IllegalStateException when the stream was not created or not closed
   */
  long finalSize() {
    if (stream == null || stream.finalPosition < 0) {
      throw new IllegalStateException("file " + getPath() + " was not written and closed");
    }
    return stream.finalPosition;
  }

  /** Closes the stream if it is open, ignoring failures; for aborting. */
  void closeQuietly() {
    if (stream != null && !stream.closed) {
      try {
        stream.close();
      } catch (IOException | RuntimeException e) {
        // the file is deleted next
      }
    }
  }

  private static final class TrackingStream extends PositionOutputStream {
    private final PositionOutputStream out;
    private long finalPosition = -1;
    private boolean closed;

    TrackingStream(PositionOutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() throws IOException {
      return out.getPos();
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
      out.write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      long position = out.getPos();
      closed = true;
      out.close();
      finalPosition = position;
    }
  }
}

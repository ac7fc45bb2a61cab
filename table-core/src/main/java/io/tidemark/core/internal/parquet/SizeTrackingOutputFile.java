package io.tidemark.core.internal.parquet;

import io.tidemark.core.io.SupportsDeferredForce;
import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Parquet's view of a Tidemark output file, which also tells the writer the file's exact size:
 * the stream's position when it is closed. Parquet creates the file; when the writer forces files
 * later and the storage can defer forcing, it is created unforced
 * ({@link SupportsDeferredForce#createUnforced}).
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
    stream = new TrackingStream(unforced && delegate instanceof SupportsDeferredForce deferred
        ? deferred.createUnforced() : delegate.create());
    return stream;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    stream = new TrackingStream(delegate.createOrOverwrite());
    return stream;
  }

  /** Tidemark's storages take no block size. */
  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return delegate.location();
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
    private final io.tidemark.core.io.PositionOutputStream out;
    private long finalPosition = -1;
    private boolean closed;

    TrackingStream(io.tidemark.core.io.PositionOutputStream out) {
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

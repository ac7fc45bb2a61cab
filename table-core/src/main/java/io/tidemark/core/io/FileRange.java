package io.tidemark.core.io;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** A range of a file to read with {@link SupportsVectoredReads}, and the bytes once read. */
public final class FileRange {
  private final long offset;
  private final int length;
  private final CompletableFuture<ByteBuffer> data = new CompletableFuture<>();

  /** The range of {@code length} bytes from {@code offset}. */
  public FileRange(long offset, int length) {
    this.offset = offset;
    this.length = length;
  }

  /** Where the range starts in the file. */
  public long offset() {
    return offset;
  }

  /** The range's length in bytes. */
  public int length() {
    return length;
  }

  /** Completes with the range's bytes (a buffer positioned at 0) once read. */
  public CompletableFuture<ByteBuffer> data() {
    return data;
  }

  @Override
  public String toString() {
    return "FileRange[" + offset + ", " + length + "]";
  }
}

package io.tidemark.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A capability of a {@link SeekableInputStream}: reading several ranges of the file at once, so
 * that a storage with costly requests (S3) fetches nearby ranges in one. Found with
 * {@code instanceof}.
 */
public interface SupportsVectoredReads {
  /**
   * Starts reading the ranges; each range's {@link FileRange#data()} completes with its bytes.
   * The stream's position afterwards is unspecified.
   *
   * @param ranges ranges that do not overlap, inside the file
   * @param allocate makes a buffer of the given size
   * @throws IOException when the ranges cannot be read (or a range is outside the file)
   */
  void readVectored(List<FileRange> ranges, IntFunction<ByteBuffer> allocate) throws IOException;
}

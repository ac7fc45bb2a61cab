package io.tidemark.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The storage a table lives on. Locations are strings: a local path, a {@code file:} or
 * {@code hdfs:} URI, or (with table-s3) an {@code s3://bucket/key}. Implementations must be
 * thread-safe.
 *
 * <p>The one method correctness rests on is {@link #createExclusive}: it must be atomic across
 * processes and machines.
 *
 * <p>Optional capabilities, found with {@code instanceof} and used where present:
 * {@link SupportsBulkDelete} (many deletes in few requests), {@link SupportsStagedCreate} (an
 * exclusive create retried at several names without writing again), and, on the files it makes,
 * {@link SupportsDeferredForce} (durability deferred to one forcing of many files) and, on their
 * streams, {@link SupportsVectoredReads}.
 */
public interface FileIO extends Closeable {
  /** A file to read; nothing is opened until a stream is asked for. */
  InputFile newInputFile(String location);

  /** A file to write; nothing is created until a stream is asked for. */
  OutputFile newOutputFile(String location);

  /**
   * Creates the file with this content if and only if no file exists at the location, atomically:
   * of any number of concurrent callers, exactly one gets {@code true}, and no reader ever sees the
   * file partly written.
   *
   * @return true when this call created the file, false when a file already existed
   * @throws IOException when the outcome is not known (the caller must read the file back)
   * @see FileIOs#stage
   */
  boolean createExclusive(String location, byte[] content) throws IOException;

  /**
   * The whole content of a file, or empty when it does not exist.
   *
   * @throws IOException when the file exists but cannot be read
   */
  Optional<byte[]> readIfExists(String location) throws IOException;

  /**
   * The files whose locations start with {@code prefix}, at any depth, sorted by location.
   *
   * @param prefix a location prefix, usually a directory ending in {@code /}
   * @param startAfter when not null, only locations sorting after it are returned
   */
  List<FileEntry> list(String prefix, String startAfter) throws IOException;

  /** Deletes a file; a file that does not exist is not an error. */
  void delete(String location) throws IOException;

  /**
   * The one spelling of a table root on this storage, so that a table names the same files however
   * its location was written. Locations under the root are made by appending a relative path to
   * this string, and every storage reads those paths literally: nothing a table appends is ever
   * decoded or normalized again. The default strips trailing {@code /} and refuses {@code .},
   * {@code ..} and empty segments after the scheme.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the location cannot be a table root
   */
  default String tableRoot(String location) {
    return Locations.checkedRoot(location);
  }

  /**
   * Checks that a location lies inside a table root as this storage resolves it: no decoding,
   * normalization or symbolic link takes it out. Tables call it before they read a data file, write
   * into a directory or delete anything. The default compares the strings: the location must be the
   * root, a {@code /}, and a path with no {@code .}, {@code ..} or empty segment.
   *
   * @param root a table root as {@link #tableRoot} gives it
   * @param location a location under it
   * @throws io.tidemark.spec.error.OutsideTableException when the location is outside the root
   * @throws IOException when the storage cannot tell (the location is then not touched)
   */
  default void checkWithin(String root, String location) throws IOException {
    Locations.checkLexicallyWithin(root, location);
  }

  /** Releases clients and pools. The default does nothing. */
  @Override
  default void close() throws IOException {}
}

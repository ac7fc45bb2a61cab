package io.tidemark.core.io;

import java.io.IOException;

/**
 * A file to write; nothing is created until a stream is asked for. Streams make their content
 * durable when closed. A storage that can defer that, so that many files are forced side by side,
 * implements {@link SupportsDeferredForce} as well.
 */
public interface OutputFile {
  /** The file's full location. */
  String location();

  /**
   * Creates the file; it must not exist yet (where the storage can tell).
   *
   * @throws java.nio.file.FileAlreadyExistsException when it exists (storages that can tell)
   */
  PositionOutputStream create() throws IOException;

  /** Creates the file, replacing one that exists. */
  PositionOutputStream createOrOverwrite() throws IOException;
}

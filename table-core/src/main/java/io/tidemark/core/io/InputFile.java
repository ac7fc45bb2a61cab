package io.tidemark.core.io;

import java.io.IOException;

/** A file to read; nothing is opened until a stream is asked for. */
public interface InputFile {
  /** The file's full location. */
  String location();

  /**
   * The file's length in bytes.
   *
   * @throws java.io.FileNotFoundException when the file does not exist
   */
  long getLength() throws IOException;

  /**
   * A new stream at the start of the file.
   *
   * @throws java.io.FileNotFoundException when the file does not exist
   */
  SeekableInputStream newStream() throws IOException;
}

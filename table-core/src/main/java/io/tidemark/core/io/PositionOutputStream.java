package io.tidemark.core.io;

import java.io.IOException;
import java.io.OutputStream;

/** A stream writing a file from its start, which knows how many bytes it has written. */
public abstract class PositionOutputStream extends OutputStream {
  /** A stream at position 0. */
  protected PositionOutputStream() {}

  /** The number of bytes written so far: the position of the next byte in the file. */
  public abstract long getPos() throws IOException;
}

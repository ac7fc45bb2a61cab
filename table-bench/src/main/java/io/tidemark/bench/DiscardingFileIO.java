package io.tidemark.bench;

import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.OutputFile;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Storage that counts the bytes written to it and keeps none: the sink of the per-operation write
 * benchmarks and of {@link WriteBreakdown}'s in-memory variants, so that they measure encoding,
 * for Tidemark and parquet-hadoop alike, and no disk. Only writing is supported.
 */
final class DiscardingFileIO implements FileIO {
  @Override
  public OutputFile newOutputFile(String location) {
    return new Sink(location);
  }

  @Override
  public InputFile newInputFile(String location) {
    throw new UnsupportedOperationException("nothing is kept to read");
  }

  @Override
  public boolean createExclusive(String location, byte[] content) {
    throw new UnsupportedOperationException("no commits here");
  }

  @Override
  public Optional<byte[]> readIfExists(String location) {
    throw new UnsupportedOperationException("nothing is kept to read");
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) {
    throw new UnsupportedOperationException("nothing is kept to list");
  }

  @Override
  public void delete(String location) {}

  /** An output file whose stream only counts. */
  record Sink(String location) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new CountingStream();
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return new CountingStream();
    }
  }

  private static final class CountingStream extends PositionOutputStream {
    private long position;

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) {
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      position += len;
    }
  }
}

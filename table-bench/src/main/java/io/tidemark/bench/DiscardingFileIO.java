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
  public Sink newOutputFile(String location) {
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

  /** An output file whose stream only counts, for Tidemark's writers and for Parquet's. */
  record Sink(String location) implements OutputFile, org.apache.parquet.io.OutputFile {
    @Override
    public io.tidemark.core.io.PositionOutputStream create() {
      return counting(new CountingStream());
    }

    @Override
    public io.tidemark.core.io.PositionOutputStream createOrOverwrite() {
      return counting(new CountingStream());
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new CountingStream();
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return new CountingStream();
    }

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
      return location;
    }

    private static io.tidemark.core.io.PositionOutputStream counting(CountingStream out) {
      return new io.tidemark.core.io.PositionOutputStream() {
        @Override
        public long getPos() {
          return out.getPos();
        }

        @Override
        public void write(int b) {
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          out.write(b, off, len);
        }
      };
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

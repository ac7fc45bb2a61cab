package io.tidemark.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A local Parquet output file that, like Tidemark's local storage, forces its content to disk
 * when closed.
 */
final class SyncedOutputFile implements OutputFile {
  private final Path path;

  SyncedOutputFile(Path path) {
    this.path = path;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    FileOutputStream out = new FileOutputStream(path.toFile());
    BufferedOutputStream buffered = new BufferedOutputStream(out, 256 * 1024);
    return new PositionOutputStream() {
      private long pos;
      private boolean closed;

      @Override
      public long getPos() {
        return pos;
      }

      @Override
      public void write(int b) throws IOException {
        buffered.write(b);
        pos++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        buffered.write(b, off, len);
        pos += len;
      }

      @Override
      public void flush() throws IOException {
        buffered.flush();
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        try (out) {
          buffered.flush();
          out.getChannel().force(true);
        }
      }
    };
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return create(blockSizeHint);
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
    return path.toString();
  }
}

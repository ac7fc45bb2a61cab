package io.tidemark.core.parquet;

import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.OutputFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Local files written without forcing them to disk: tests that write hundreds of files would
 * otherwise spend their time waiting for the disk. Everything else is {@link LocalFileIO}'s.
 */
final class UnsyncedLocalFileIO implements FileIO {
  private final LocalFileIO local = new LocalFileIO();

  @Override
  public InputFile newInputFile(String location) {
    return local.newInputFile(location);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    Path path = Path.of(location);
    return new OutputFile() {
      @Override
      public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE_NEW);
      }

      @Override
      public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
      }

      private PositionOutputStream open(StandardOpenOption... options) throws IOException {
        Files.createDirectories(path.getParent());
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path, options));
        return new PositionOutputStream() {
          private long pos;

          @Override
          public long getPos() {
            return pos;
          }

          @Override
          public void write(int b) throws IOException {
            out.write(b);
            pos++;
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            pos += len;
          }

          @Override
          public void close() throws IOException {
            out.close();
          }
        };
      }

      @Override
      public String location() {
        return location;
      }
    };
  }

  @Override
  public boolean createExclusive(String location, byte[] content) throws IOException {
    return local.createExclusive(location, content);
  }

  @Override
  public Optional<byte[]> readIfExists(String location) throws IOException {
    return local.readIfExists(location);
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) throws IOException {
    return local.list(prefix, startAfter);
  }

  @Override
  public void delete(String location) throws IOException {
    local.delete(location);
  }
}

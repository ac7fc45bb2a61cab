package io.tidemark.bench;

import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.OutputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Storage that counts the bytes of files written to it and keeps none: the sink of the
 * per-operation write benchmarks and of {@link WriteBreakdown}'s in-memory variants, so that they
 * measure encoding, for Tidemark and parquet-hadoop alike, and no disk. Only the small objects a
 * table is made of besides its data (commit files, created exclusively) are kept, in memory, so
 * that a table can be created here and its data writers used; data files cannot be read back.
 */
final class DiscardingFileIO implements FileIO {
  private final Map<String, byte[]> kept = new ConcurrentSkipListMap<>();

  /**
   * A new empty table of the benchmark's schema here, unpartitioned, whose data files use
   * {@code codec}; its data writers write nothing but counts.
   */
  Table newTable(String codec) {
    return Tables.create(this, "mem://bench/" + UUID.randomUUID(), Dataset.SCHEMA,
        Map.of(TableProperties.COMPRESSION, codec));
  }

  @Override
  public Sink newOutputFile(String location) {
    return new Sink(location);
  }

  @Override
  public InputFile newInputFile(String location) {
    throw new UnsupportedOperationException("data files are not kept to read");
  }

  @Override
  public boolean createExclusive(String location, byte[] content) {
    return kept.putIfAbsent(location, content.clone()) == null;
  }

  @Override
  public Optional<byte[]> readIfExists(String location) {
    return Optional.ofNullable(kept.get(location)).map(byte[]::clone);
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) {
    List<FileEntry> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : kept.entrySet()) {
      String location = e.getKey();
      if (location.startsWith(prefix) && (startAfter == null || location.compareTo(startAfter) > 0)) {
        out.add(new FileEntry(location, e.getValue().length, 0));
      }
    }
    return out;
  }

  @Override
  public void delete(String location) {
    kept.remove(location);
  }

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

package io.tidemark.bench;

import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.ForwardingFileIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Counts, from the outside, which data files a reader opened and which of their row groups it
 * read bytes of: every stream the reader asks for is wrapped, and every byte range it reads is
 * matched against the row groups' byte ranges (taken from the footers beforehand). Footer reads
 * fall outside every row group, so a file whose footer alone was read counts as opened with no
 * row group read. Used in an untimed pass only, so the wrapping costs no timed work.
 */
final class ReadTracker {
  private final Map<String, long[][]> rowGroups = new ConcurrentHashMap<>();
  private final Map<String, BitSet> read = new ConcurrentHashMap<>();

  /** Registers a data file: reads its footer for the byte range of each row group. */
  void register(Path file) throws IOException {
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      List<BlockMetaData> blocks = reader.getFooter().getBlocks();
      long[][] ranges = new long[blocks.size()][];
      for (int b = 0; b < ranges.length; b++) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (ColumnChunkMetaData c : blocks.get(b).getColumns()) {
          start = Math.min(start, c.getStartingPos());
          end = Math.max(end, c.getStartingPos() + c.getTotalSize());
        }
        ranges[b] = new long[] {start, end};
      }
      rowGroups.put(key(file.toString()), ranges);
    }
  }

  /** Files registered. */
  int filesTotal() {
    return rowGroups.size();
  }

  /** Row groups in the registered files. */
  int rowGroupsTotal() {
    return rowGroups.values().stream().mapToInt(r -> r.length).sum();
  }

  /** Files a stream was opened on. */
  int filesOpened() {
    return read.size();
  }

  /** Row groups any byte of which was read. */
  int rowGroupsRead() {
    return read.values().stream().mapToInt(BitSet::cardinality).sum();
  }

  /** Forgets what was read (keeps the registered files). */
  void reset() {
    read.clear();
  }

  /** A Parquet input file whose reads are counted. */
  InputFile wrap(InputFile file, String location) {
    return new Tracked(file, key(location));
  }

  /** A table storage whose data-file reads are counted. */
  FileIO wrap(FileIO io) {
    return new TrackingFileIO(io);
  }

  private static String key(String location) {
    return Paths.get(location).toAbsolutePath().normalize().toString();
  }

  private void opened(String key) {
    read.computeIfAbsent(key, k -> new BitSet());
  }

  private void bytesRead(String key, long from, long to) {
    long[][] ranges = rowGroups.get(key);
    if (ranges == null || to <= from) {
      return;
    }
    BitSet bits = read.computeIfAbsent(key, k -> new BitSet());
    for (int b = 0; b < ranges.length; b++) {
      if (from < ranges[b][1] && to > ranges[b][0]) {
        synchronized (bits) {
          bits.set(b);
        }
      }
    }
  }

  private class Tracked implements InputFile {
    private final InputFile delegate;
    private final String key;

    Tracked(InputFile delegate, String key) {
      this.delegate = delegate;
      this.key = key;
    }

    @Override
    public long getLength() throws IOException {
      return delegate.getLength();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      SeekableInputStream in = delegate.newStream();
      opened(key);
      return new TrackedStream(in, key);
    }
  }

  /** A table's input file whose reads are counted, as {@link Tracked} counts a Parquet one. */
  private final class TrackedInput implements io.tidemark.core.io.InputFile {
    private final io.tidemark.core.io.InputFile delegate;
    private final String key;

    TrackedInput(io.tidemark.core.io.InputFile delegate) {
      this.delegate = delegate;
      this.key = key(delegate.location());
    }

    @Override
    public String location() {
      return delegate.location();
    }

    @Override
    public long getLength() throws IOException {
      return delegate.getLength();
    }

    @Override
    public io.tidemark.core.io.SeekableInputStream newStream() throws IOException {
      io.tidemark.core.io.SeekableInputStream in = delegate.newStream();
      opened(key);
      return new io.tidemark.core.io.SeekableInputStream() {
        @Override
        public long getPos() throws IOException {
          return in.getPos();
        }

        @Override
        public void seek(long newPos) throws IOException {
          in.seek(newPos);
        }

        @Override
        public int read() throws IOException {
          long pos = in.getPos();
          int b = in.read();
          recordRead(key, pos, b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          long pos = in.getPos();
          int n = in.read(b, off, len);
          recordRead(key, pos, n);
          return n;
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }
  }

  private void recordRead(String key, long from, long n) {
    if (n > 0) {
      bytesRead(key, from, from + n);
    }
  }

  private final class TrackingFileIO extends ForwardingFileIO {
    TrackingFileIO(FileIO delegate) {
      super(delegate);
    }

    @Override
    public io.tidemark.core.io.InputFile newInputFile(String location) {
      return new TrackedInput(delegate().newInputFile(location));
    }
  }

  /** Records the byte range of every read. */
  private final class TrackedStream extends SeekableInputStream {
    private final SeekableInputStream in;
    private final String key;

    TrackedStream(SeekableInputStream in, String key) {
      this.in = in;
      this.key = key;
    }

    private void record(long from, long n) {
      recordRead(key, from, n);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public void seek(long newPos) throws IOException {
      in.seek(newPos);
    }

    @Override
    public int read() throws IOException {
      long pos = in.getPos();
      int b = in.read();
      record(pos, b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long pos = in.getPos();
      int n = in.read(b, off, len);
      record(pos, n);
      return n;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      long pos = in.getPos();
      in.readFully(bytes, start, len);
      record(pos, len);
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      long pos = in.getPos();
      int n = in.read(buf);
      record(pos, n);
      return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      long pos = in.getPos();
      int n = buf.remaining();
      in.readFully(buf);
      record(pos, n);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}

package io.tidemark.core.internal.parquet;

import io.tidemark.core.io.FileRange;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.SupportsVectoredReads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.io.ParquetFileRange;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Parquet's view of a Tidemark input file: Parquet's types stay in this package, and the storage
 * SPI has its own. Vectored reads pass through when the storage's stream has them.
 */
final class ParquetInput implements org.apache.parquet.io.InputFile {
  private final InputFile file;

  private ParquetInput(InputFile file) {
    this.file = file;
  }

  static org.apache.parquet.io.InputFile of(InputFile file) {
    return new ParquetInput(file);
  }

  @Override
  public long getLength() throws IOException {
    return file.getLength();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Stream(file.newStream());
  }

  @Override
  public String toString() {
    return file.location();
  }

  /** A Tidemark stream as Parquet's. */
  static final class Stream extends SeekableInputStream {
    private final io.tidemark.core.io.SeekableInputStream in;

    Stream(io.tidemark.core.io.SeekableInputStream in) {
      this.in = in;
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
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      in.readFully(bytes);
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      in.readFully(bytes, start, len);
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      return in.read(buf);
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      in.readFully(buf);
    }

    @Override
    public boolean readVectoredAvailable(ByteBufferAllocator allocator) {
      return in instanceof SupportsVectoredReads;
    }

    @Override
    public void readVectored(List<ParquetFileRange> ranges, ByteBufferAllocator allocator) throws IOException {
      if (!(in instanceof SupportsVectoredReads vectored)) {
        super.readVectored(ranges, allocator);
        return;
      }
      List<FileRange> ours = new ArrayList<>(ranges.size());
      for (ParquetFileRange r : ranges) {
        FileRange range = new FileRange(r.getOffset(), r.getLength());
        r.setDataReadFuture(range.data());
        ours.add(range);
      }
      vectored.readVectored(ours, allocator::allocate);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}

package io.tidemark.core.internal.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.codec.CompressionCodecNotSupportedException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression without Hadoop. Parquet's own codec factory instantiates Hadoop codecs
 * through a Hadoop {@code Configuration}, which needs Hadoop jars this library does not ship;
 * this factory calls the compression libraries directly: snappy-java (raw Snappy blocks),
 * zstd-jni (Zstandard frames, level 3 as Parquet's default), java.util.zip (gzip members) and
 * aircompressor (raw LZ4 blocks). The formats are the ones the Parquet specification fixes, so
 * files are readable by any Parquet reader.
 *
 * <p>One instance per file writer or reader; not thread-safe.
 */
final class Codecs implements CompressionCodecFactory {
  /** Parquet's default Zstandard level. */
  static final int ZSTD_LEVEL = 3;

  private final Map<CompressionCodecName, BytesInputCompressor> compressors = new EnumMap<>(CompressionCodecName.class);
  private final Map<CompressionCodecName, BytesInputDecompressor> decompressors = new EnumMap<>(CompressionCodecName.class);

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return compressors.computeIfAbsent(codec, Codecs::newCompressor);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return decompressors.computeIfAbsent(codec, Codecs::newDecompressor);
  }

  @Override
  public void release() {
    compressors.clear();
    decompressors.clear();
  }

  private static BytesInputCompressor newCompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED:
        return new Compressor(codec) {
          @Override
          public BytesInput compress(BytesInput bytes) {
            return bytes;
          }
        };
      case SNAPPY:
        return new Compressor(codec) {
          @Override
          int maxLength(int length) {
            return Snappy.maxCompressedLength(length);
          }

          @Override
          int compress(byte[] in, int length, byte[] out) throws IOException {
            return Snappy.compress(in, 0, length, out, 0);
          }
        };
      case ZSTD:
        return new Compressor(codec) {
          @Override
          int maxLength(int length) {
            return Math.toIntExact(Zstd.compressBound(length));
          }

          @Override
          int compress(byte[] in, int length, byte[] out) throws IOException {
            long n = Zstd.compressByteArray(out, 0, out.length, in, 0, length, ZSTD_LEVEL);
            if (Zstd.isError(n)) {
              throw new IOException("zstd compression failed: " + Zstd.getErrorName(n));
            }
            return (int) n;
          }
        };
      case LZ4_RAW:
        return new Compressor(codec) {
          private final Lz4Compressor lz4 = new Lz4Compressor();

          @Override
          int maxLength(int length) {
            return lz4.maxCompressedLength(length);
          }

          @Override
          int compress(byte[] in, int length, byte[] out) {
            return lz4.compress(in, 0, length, out, 0, out.length);
          }
        };
      case GZIP:
        return new Compressor(codec) {
          private final ByteArrayOutputStream gzipped = new ByteArrayOutputStream();

          @Override
          public BytesInput compress(BytesInput bytes) throws IOException {
            gzipped.reset();
            try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped, 64 * 1024)) {
              bytes.writeAllTo(gzip);
            }
            return BytesInput.from(gzipped);
          }
        };
      default:
        throw new CompressionCodecNotSupportedException(codec.getHadoopCompressionCodecClass());
    }
  }

  private static BytesInputDecompressor newDecompressor(CompressionCodecName codec) {
    switch (codec) {
      case UNCOMPRESSED:
        return new Decompressor() {
          @Override
          public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
            return bytes;
          }

          @Override
          byte[] decompress(byte[] in, int length, int uncompressedSize) {
            return length == in.length ? in : Arrays.copyOf(in, length);
          }
        };
      case SNAPPY:
        return new Decompressor() {
          @Override
          byte[] decompress(byte[] in, int length, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            int n = Snappy.uncompress(in, 0, length, out, 0);
            return check(out, n, "snappy");
          }
        };
      case ZSTD:
        return new Decompressor() {
          @Override
          byte[] decompress(byte[] in, int length, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            long n = Zstd.decompressByteArray(out, 0, out.length, in, 0, length);
            if (Zstd.isError(n)) {
              throw new IOException("zstd decompression failed: " + Zstd.getErrorName(n));
            }
            return check(out, (int) n, "zstd");
          }
        };
      case LZ4_RAW:
        return new Decompressor() {
          private final Lz4Decompressor lz4 = new Lz4Decompressor();

          @Override
          byte[] decompress(byte[] in, int length, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            int n;
            try {
              n = lz4.decompress(in, 0, length, out, 0, out.length);
            } catch (RuntimeException e) {
              throw new IOException("lz4 decompression failed: " + e.getMessage(), e);
            }
            return check(out, n, "lz4_raw");
          }
        };
      case GZIP:
        return new Decompressor() {
          @Override
          byte[] decompress(byte[] in, int length, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in, 0, length), 64 * 1024)) {
              int n = gzip.readNBytes(out, 0, uncompressedSize);
              return check(out, n, "gzip");
            }
          }
        };
      default:
        throw new CompressionCodecNotSupportedException(codec.getHadoopCompressionCodecClass());
    }
  }

  private static byte[] check(byte[] out, int actual, String codec) throws IOException {
    if (actual != out.length) {
      throw new IOException(codec + " page decompressed to " + actual + " bytes, expected " + out.length);
    }
    return out;
  }

  /** Compresses a page from a reused input array into a reused output array. */
  private abstract static class Compressor implements BytesInputCompressor {
    private final CompressionCodecName codec;
    private final Buffer input = new Buffer();
    private byte[] output = new byte[0];

    Compressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    int maxLength(int length) {
      throw new UnsupportedOperationException();
    }

    int compress(byte[] in, int length, byte[] out) throws IOException {
      throw new UnsupportedOperationException();
    }

    /** The result is valid until the next call, as with Parquet's own compressors. */
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      input.reset();
      bytes.writeAllTo(input);
      int max = maxLength(input.count);
      if (output.length < max) {
        output = new byte[max];
      }
      int n = compress(input.bytes, input.count, output);
      return BytesInput.from(output, 0, n);
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }

  /**
   * Decompresses a page into a new array (pages of several columns are alive at once); the
   * compressed input is copied into a reused array first.
   */
  private abstract static class Decompressor implements BytesInputDecompressor {
    private final Buffer input = new Buffer();

    abstract byte[] decompress(byte[] in, int length, int uncompressedSize) throws IOException;

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      input.reset();
      bytes.writeAllTo(input);
      return BytesInput.from(decompress(input.bytes, input.count, uncompressedSize));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.duplicate().get(in);
      output.put(decompress(in, compressedSize, uncompressedSize));
    }

    @Override
    public void release() {}
  }

  /**
   * A growable byte array that pages are copied into. It starts small: a codec factory lives as
   * long as one file, and the pages of a small append's file are a few kilobytes.
   */
  private static final class Buffer extends OutputStream {
    private byte[] bytes = new byte[4 * 1024];
    private int count;

    void reset() {
      count = 0;
    }

    private void ensure(int extra) {
      if (count + extra > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + extra));
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, count, len);
      count += len;
    }
  }
}

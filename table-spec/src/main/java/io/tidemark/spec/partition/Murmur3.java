package io.tidemark.spec.partition;

/**
 * MurmurHash3, x86 variant, 32-bit result, seed 0 — the hash behind {@code bucket[N]} (spec.md
 * section 8, the same as Apache Iceberg's Appendix B).
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** The hash of all the bytes. */
  static int hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  /** The hash of {@code length} bytes starting at {@code offset}. */
  static int hash(byte[] data, int offset, int length) {
    int h1 = 0;
    int blocksEnd = offset + (length & ~3);
    for (int i = offset; i < blocksEnd; i += 4) {
      int k1 = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | data[i + 3] << 24;
      h1 = mixH1(h1, mixK1(k1));
    }
    int tail = length & 3;
    if (tail > 0) {
      int k1 = 0;
      if (tail == 3) {
        k1 ^= (data[blocksEnd + 2] & 0xff) << 16;
      }
      if (tail >= 2) {
        k1 ^= (data[blocksEnd + 1] & 0xff) << 8;
      }
      k1 ^= data[blocksEnd] & 0xff;
      h1 ^= mixK1(k1);
    }
    return finish(h1, length);
  }

  /** The hash of a long's 8 little-endian bytes (how int, long, date and timestamps are hashed). */
  static int hashLong(long value) {
    int h1 = mixH1(0, mixK1((int) value));
    h1 = mixH1(h1, mixK1((int) (value >>> 32)));
    return finish(h1, 8);
  }

  private static int mixK1(int k1) {
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    return k1 * C2;
  }

  private static int mixH1(int h1, int k1) {
    h1 ^= k1;
    h1 = Integer.rotateLeft(h1, 13);
    return h1 * 5 + 0xe6546b64;
  }

  private static int finish(int h1, int length) {
    h1 ^= length;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >>> 16;
    return h1;
  }
}

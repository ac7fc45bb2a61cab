package io.tidemark.core.internal.parquet;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Shortens long string and binary statistics bounds so they stay bounds: a lower bound becomes
 * its prefix; an upper bound becomes its prefix with the last character (byte) incremented,
 * carrying into the one before when it cannot be incremented.
 */
final class BoundTruncation {
  /** Strings longer than this many code points, and binaries longer than this many bytes, are truncated. */
  static final int LENGTH = 16;

  private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

  private BoundTruncation() {}

  /** A lower bound for every string that {@code min} bounds from below: its first 16 code points. */
  static String lowerBound(String min) {
    return lowerBound(min, LENGTH);
  }

  static String lowerBound(String min, int length) {
    if (min.length() <= length || min.codePointCount(0, min.length()) <= length) {
      return min;
    }
    return min.substring(0, min.offsetByCodePoints(0, length));
  }

  /**
   * An upper bound for every string that {@code max} bounds from above, of at most 16 code
   * points, or null when there is none that short (the prefix is all U+10FFFF).
   */
  static String upperBound(String max) {
    return upperBound(max, LENGTH);
  }

  static String upperBound(String max, int length) {
    if (max.length() <= length || max.codePointCount(0, max.length()) <= length) {
      return max;
    }
    int[] codePoints = max.codePoints().limit(length).toArray();
    for (int i = codePoints.length - 1; i >= 0; i--) {
      int next = nextCodePoint(codePoints[i]);
      if (next >= 0) {
        codePoints[i] = next;
        return new String(codePoints, 0, i + 1);
      }
    }
    return null;
  }

  /** The next code point that is not a surrogate, or -1 after U+10FFFF. */
  private static int nextCodePoint(int codePoint) {
    if (codePoint >= MAX_CODE_POINT) {
      return -1;
    }
    int next = codePoint + 1;
    if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
      next = Character.MAX_SURROGATE + 1;
    }
    return next;
  }

  /** A lower bound for the bytes {@code min} bounds: its first 16 bytes (a read-only buffer). */
  static ByteBuffer lowerBound(ByteBuffer min) {
    return lowerBound(min, LENGTH);
  }

  static ByteBuffer lowerBound(ByteBuffer min, int length) {
    if (min.remaining() <= length) {
      return min;
    }
    ByteBuffer prefix = min.duplicate();
    prefix.limit(prefix.position() + length);
    return copy(prefix);
  }

  /**
   * An upper bound of at most 16 bytes for the bytes {@code max} bounds, or null when there is
   * none (the prefix is all 0xFF).
   */
  static ByteBuffer upperBound(ByteBuffer max) {
    return upperBound(max, LENGTH);
  }

  static ByteBuffer upperBound(ByteBuffer max, int length) {
    if (max.remaining() <= length) {
      return max;
    }
    byte[] bytes = new byte[length];
    max.duplicate().get(bytes);
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] != (byte) 0xFF) {
        bytes[i]++;
        return ByteBuffer.wrap(Arrays.copyOf(bytes, i + 1)).asReadOnlyBuffer();
      }
    }
    return null;
  }

  private static ByteBuffer copy(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }
}

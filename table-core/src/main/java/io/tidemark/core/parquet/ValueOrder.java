package io.tidemark.core.parquet;

import java.nio.ByteBuffer;

/** The orders statistics bounds use where Java's natural order is not the format's. */
final class ValueOrder {
  private ValueOrder() {}

  /**
   * Compares strings by Unicode code point (the order of their UTF-8 bytes), not by UTF-16 unit
   * as {@link String#compareTo} does: a supplementary character sorts after U+FFFD.
   */
  static int compareCodePoints(String a, String b) {
    if (a == b) {
      return 0;
    }
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return codePointOrder(x) - codePointOrder(y);
      }
    }
    return a.length() - b.length();
  }

  /**
   * Maps UTF-16 units so that, at the first unit where two well-formed strings differ, the
   * mapped units compare as the code points they start: surrogates (D800-DFFF) move above
   * E000-FFFF, which move down by 0x800.
   */
  private static int codePointOrder(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }

  /** Compares the remaining bytes of two buffers as unsigned bytes, shorter prefix first. */
  static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    if (a == b) {
      return 0;
    }
    int i = a.mismatch(b);
    if (i < 0) {
      return 0;
    }
    if (i >= a.remaining() || i >= b.remaining()) {
      return a.remaining() - b.remaining();
    }
    return Integer.compare(a.get(a.position() + i) & 0xFF, b.get(b.position() + i) & 0xFF);
  }
}

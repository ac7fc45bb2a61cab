package io.tidemark.core.parquet;

import io.tidemark.spec.types.Comparators;
import java.nio.ByteBuffer;

/** The orders statistics bounds use where Java's natural order is not the format's (see {@link Comparators}). */
final class ValueOrder {
  private ValueOrder() {}

  /**
   * Compares strings by Unicode code point (the order of their UTF-8 bytes), not by UTF-16 unit
   * as {@link String#compareTo} does: a supplementary character sorts after U+FFFD.
   */
  static int compareCodePoints(String a, String b) {
    return Comparators.compareStrings(a, b);
  }

  /**
   * True when every UTF-16 unit of the string is below D800. Then {@link String#compareTo} of any
   * string with this one has the sign of {@link #compareCodePoints}: at the first difference this
   * string's unit is a whole code point below every surrogate pair and every unit from E000 on.
   */
  static boolean belowSurrogates(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= Character.MIN_SURROGATE) {
        return false;
      }
    }
    return true;
  }

  /** Compares the remaining bytes of two buffers as unsigned bytes, shorter prefix first. */
  static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    return Comparators.compareBytes(a, b);
  }
}

package io.tidemark.spec.types;

import io.tidemark.spec.error.InvalidArgumentException;
import java.nio.ByteBuffer;
import java.util.Comparator;

/**
 * The order of values of each primitive type that statistics and filters use: natural order for
 * numbers, decimals, dates and timestamps (false before true), Unicode code-point order for
 * strings, unsigned byte order for binary.
 */
public final class Comparators {
  private static final Comparator<Object> NATURAL = (a, b) -> compareNatural(a, b);
  private static final Comparator<Object> STRINGS = (a, b) -> compareStrings((String) a, (String) b);
  private static final Comparator<Object> BYTES = (a, b) -> compareBytes((ByteBuffer) a, (ByteBuffer) b);

  private Comparators() {}

  /**
   * The comparator of Java values of a primitive or decimal type.
   *
   * @throws InvalidArgumentException for nested types, which have no order
   */
  public static Comparator<Object> forType(Type type) {
    if (type instanceof DecimalType) {
      return NATURAL;
    }
    if (!(type instanceof PrimitiveType p)) {
      throw new InvalidArgumentException("values of " + type + " have no order");
    }
    return switch (p) {
      case STRING -> STRINGS;
      case BINARY -> BYTES;
      default -> NATURAL;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareNatural(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  /**
   * Compares strings by Unicode code point (the order of their UTF-8 bytes), not by UTF-16 unit
   * as {@link String#compareTo} does: a supplementary character sorts after U+FFFD.
   */
  public static int compareStrings(String a, String b) {
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

  /** Surrogates (D800-DFFF) move above E000-FFFF so that UTF-16 units compare as the code points they start. */
  private static int codePointOrder(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }

  /** Compares the remaining bytes of two buffers as unsigned bytes, a shorter prefix first. */
  public static int compareBytes(ByteBuffer a, ByteBuffer b) {
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

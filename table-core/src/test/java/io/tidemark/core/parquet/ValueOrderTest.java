package io.tidemark.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ValueOrderTest {
  private static final String SUPPLEMENTARY = new String(Character.toChars(0x1F600));

  @Test
  void supplementaryCharacterSortsAfterReplacementCharacterByCodePoint() {
    // String.compareTo says the opposite: the high surrogate D83D is below FFFD.
    assertThat(SUPPLEMENTARY.compareTo("\uFFFD")).isNegative();
    assertThat(ValueOrder.compareCodePoints(SUPPLEMENTARY, "\uFFFD")).isPositive();
    assertThat(ValueOrder.compareCodePoints("\uFFFD", SUPPLEMENTARY)).isNegative();
  }

  @Test
  void codePointOrderAgreesWithUtf8ByteOrder() {
    String[] values = {"", "a", "ab", "b", "\u00E9", "\uD7FF", "\uE000", "\uFFFD", SUPPLEMENTARY,
        new String(Character.toChars(0x10FFFF)), "a" + SUPPLEMENTARY, "a\uFFFF"};
    for (String x : values) {
      for (String y : values) {
        int expected = Integer.signum(ValueOrder.compareUnsigned(
            ByteBuffer.wrap(x.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            ByteBuffer.wrap(y.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(Integer.signum(ValueOrder.compareCodePoints(x, y)))
            .as("compare '%s' with '%s'", x, y).isEqualTo(expected);
      }
    }
  }

  @Test
  void stringCompareToAgreesWithCodePointOrderWhenOneSideIsBelowSurrogates() {
    String[] values = {"", "a", "ab", "b", "\u00E9", "\uD7FF", "\uE000", "\uFFFD", SUPPLEMENTARY,
        new String(Character.toChars(0x10FFFF)), "a" + SUPPLEMENTARY, "a\uFFFF", "a\uD7FFz"};
    for (String bound : values) {
      if (!ValueOrder.belowSurrogates(bound)) {
        continue;
      }
      for (String v : values) {
        assertThat(Integer.signum(v.compareTo(bound)))
            .as("compare '%s' with '%s'", v, bound)
            .isEqualTo(Integer.signum(ValueOrder.compareCodePoints(v, bound)));
      }
    }
    assertThat(ValueOrder.belowSurrogates("abc\uD7FF")).isTrue();
    assertThat(ValueOrder.belowSurrogates("\uE000")).isFalse();
    assertThat(ValueOrder.belowSurrogates(SUPPLEMENTARY)).isFalse();
  }

  @Test
  void binaryComparesUnsignedBytesThenLength() {
    ByteBuffer low = ByteBuffer.wrap(new byte[] {0x01});
    ByteBuffer high = ByteBuffer.wrap(new byte[] {(byte) 0x80});
    assertThat(ValueOrder.compareUnsigned(low, high)).isNegative();
    assertThat(ValueOrder.compareUnsigned(high, low)).isPositive();
    assertThat(ValueOrder.compareUnsigned(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {1, 0})))
        .isNegative();
    assertThat(ValueOrder.compareUnsigned(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {1, 2})))
        .isZero();
  }
}

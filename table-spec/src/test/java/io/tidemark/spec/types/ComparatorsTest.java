package io.tidemark.spec.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComparatorsTest {
  private static final String SUPPLEMENTARY = new String(Character.toChars(0x1F600));

  @Test
  void supplementaryCharacterSortsAfterReplacementCharacterByCodePoint() {
    // String.compareTo says the opposite: the high surrogate D83D is below FFFD.
    assertThat(SUPPLEMENTARY.compareTo("\uFFFD")).isNegative();
    assertThat(Comparators.compareStrings(SUPPLEMENTARY, "\uFFFD")).isPositive();
    assertThat(Comparators.compareStrings("\uFFFD", SUPPLEMENTARY)).isNegative();
  }

  @Test
  void codePointOrderAgreesWithUtf8ByteOrder() {
    String[] values = {"", "a", "ab", "b", "\u00E9", "\uD7FF", "\uE000", "\uFFFD", SUPPLEMENTARY,
        new String(Character.toChars(0x10FFFF)), "a" + SUPPLEMENTARY, "a\uFFFF"};
    for (String x : values) {
      for (String y : values) {
        int expected = Integer.signum(Comparators.compareBytes(ByteBuffer.wrap(x.getBytes(StandardCharsets.UTF_8)),
            ByteBuffer.wrap(y.getBytes(StandardCharsets.UTF_8))));
        assertThat(Integer.signum(Comparators.compareStrings(x, y)))
            .as("compare '%s' with '%s'", x, y).isEqualTo(expected);
      }
    }
  }

  @Test
  void binaryComparesUnsignedBytesThenLength() {
    ByteBuffer low = ByteBuffer.wrap(new byte[] {0x01});
    ByteBuffer high = ByteBuffer.wrap(new byte[] {(byte) 0x80});
    assertThat(Comparators.compareBytes(low, high)).isNegative();
    assertThat(Comparators.compareBytes(high, low)).isPositive();
    assertThat(Comparators.compareBytes(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {1, 0})))
        .isNegative();
    assertThat(Comparators.compareBytes(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {1, 2})))
        .isZero();
  }
}

package io.tidemark.core.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.types.Comparators;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BoundTruncationTest {
  private static final String SUPPLEMENTARY = new String(Character.toChars(0x1F600)); // 😀
  private static final String MAX_CP = new String(Character.toChars(0x10FFFF));

  private static ByteBuffer bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(b).asReadOnlyBuffer();
  }

  private static int[] unsigned(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    int[] out = new int[b.remaining()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get() & 0xFF;
    }
    return out;
  }

  @Test
  void stringsOfAtMostSixteenCodePointsAreKeptWhole() {
    String sixteen = "abcdefghijklmnop";
    assertThat(BoundTruncation.lowerBound(sixteen)).isSameAs(sixteen);
    assertThat(BoundTruncation.upperBound(sixteen)).isSameAs(sixteen);
    // 16 code points but 32 UTF-16 units
    String sixteenSupplementary = SUPPLEMENTARY.repeat(16);
    assertThat(BoundTruncation.lowerBound(sixteenSupplementary)).isEqualTo(sixteenSupplementary);
    assertThat(BoundTruncation.upperBound(sixteenSupplementary)).isEqualTo(sixteenSupplementary);
  }

  @Test
  void lowerBoundOfALongStringIsItsFirstSixteenCodePoints() {
    assertThat(BoundTruncation.lowerBound("abcdefghijklmnopqrstuvwxyz")).isEqualTo("abcdefghijklmnop");
    String mixed = SUPPLEMENTARY.repeat(20);
    assertThat(BoundTruncation.lowerBound(mixed)).isEqualTo(SUPPLEMENTARY.repeat(16));
  }

  @Test
  void upperBoundOfALongStringIncrementsTheLastKeptCodePoint() {
    assertThat(BoundTruncation.upperBound("abcdefghijklmnopqrstuvwxyz")).isEqualTo("abcdefghijklmnoq");
    String emoji = "abcdefghijklmno" + SUPPLEMENTARY + "zzz";
    assertThat(BoundTruncation.upperBound(emoji))
        .isEqualTo("abcdefghijklmno" + new String(Character.toChars(0x1F601)));
  }

  @Test
  void upperBoundSkipsTheSurrogateRange() {
    String beforeSurrogates = "abcdefghijklmno\uD7FFtail";
    assertThat(BoundTruncation.upperBound(beforeSurrogates)).isEqualTo("abcdefghijklmno\uE000");
  }

  @Test
  void upperBoundDropsMaximalCodePointsAndIncrementsTheOneBefore() {
    String s = "abcdefghijklmn" + MAX_CP + MAX_CP + "more";
    assertThat(BoundTruncation.upperBound(s)).isEqualTo("abcdefghijklmo");
    String bmpMax = "abcdefghijklmno\uFFFFx";
    assertThat(BoundTruncation.upperBound(bmpMax)).isEqualTo("abcdefghijklmno" + new String(Character.toChars(0x10000)));
  }

  @Test
  void upperBoundIsNullWhenEveryKeptCodePointIsMaximal() {
    assertThat(BoundTruncation.upperBound(MAX_CP.repeat(17))).isNull();
  }

  @Test
  void upperBoundStaysAboveTheOriginalInCodePointOrder() {
    String s = "\uFFFD".repeat(16) + "z";
    String upper = BoundTruncation.upperBound(s);
    assertThat(Comparators.compareStrings(upper, s)).isPositive();
    assertThat(upper.codePointCount(0, upper.length())).isEqualTo(16);
  }

  @Test
  void shortBinariesAreKeptWhole() {
    ByteBuffer b = bytes(1, 2, 3);
    assertThat(BoundTruncation.lowerBound(b)).isSameAs(b);
    assertThat(BoundTruncation.upperBound(b)).isSameAs(b);
  }

  @Test
  void lowerBoundOfALongBinaryIsItsFirstSixteenBytes() {
    ByteBuffer b = bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
    assertThat(unsigned(BoundTruncation.lowerBound(b))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  }

  @Test
  void upperBoundOfALongBinaryIncrementsTheLastByte() {
    ByteBuffer b = bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0x7F, 16);
    assertThat(unsigned(BoundTruncation.upperBound(b))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0x80);
  }

  @Test
  void upperBoundOfALongBinaryCarriesPastFfBytes() {
    ByteBuffer b = bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF);
    assertThat(unsigned(BoundTruncation.upperBound(b))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0xFF);
  }

  @Test
  void upperBoundOfALongBinaryIsNullWhenAllKeptBytesAreFf() {
    int[] ff = new int[17];
    java.util.Arrays.fill(ff, 0xFF);
    assertThat(BoundTruncation.upperBound(bytes(ff))).isNull();
  }

  @Test
  void truncationHonoursTheBufferPosition() {
    ByteBuffer b = ByteBuffer.wrap(new byte[20]);
    b.position(2);
    assertThat(BoundTruncation.lowerBound(b.asReadOnlyBuffer()).remaining()).isEqualTo(16);
    assertThat(unsigned(BoundTruncation.upperBound(b.asReadOnlyBuffer())))
        .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }
}

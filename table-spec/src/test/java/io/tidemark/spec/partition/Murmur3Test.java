package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Murmur3 x86 32-bit (seed 0) and the canonical bytes bucket[N] hashes, against the vectors the
 * Apache Iceberg table spec publishes in "Appendix B: 32-bit Hash Requirements".
 */
class Murmur3Test {
  private static final BucketTransform BUCKET = new BucketTransform(16);

  @Test
  void icebergSpecVectorForIntIsTheHashOfTheLong() {
    assertThat(BUCKET.hash(Types.INT, 34)).isEqualTo(2017239379);
  }

  @Test
  void icebergSpecVectorForLong() {
    assertThat(BUCKET.hash(Types.LONG, 34L)).isEqualTo(2017239379);
  }

  @Test
  void icebergSpecVectorForDecimalHashesTheMinimalBigEndianUnscaledBytes() {
    assertThat(BUCKET.hash(Types.decimal(9, 2), new BigDecimal("14.20"))).isEqualTo(-500754589);
    // the value is brought to the type's scale first: 14.2 is the same decimal(9,2) value
    assertThat(BUCKET.hash(Types.decimal(9, 2), new BigDecimal("14.2"))).isEqualTo(-500754589);
  }

  @Test
  void icebergSpecVectorForDateHashesTheDaysSinceEpoch() {
    assertThat(BUCKET.hash(Types.DATE, LocalDate.parse("2017-11-16"))).isEqualTo(-653330422);
  }

  @Test
  void icebergSpecVectorForTimestampWithoutZoneIsOurTimestampNtz() {
    assertThat(BUCKET.hash(Types.TIMESTAMP_NTZ, LocalDateTime.parse("2017-11-16T22:31:08"))).isEqualTo(-2047944441);
  }

  @Test
  void icebergSpecVectorForTimestampWithZoneIsOurTimestamp() {
    assertThat(BUCKET.hash(Types.TIMESTAMP, OffsetDateTime.parse("2017-11-16T14:31:08-08:00").toInstant()))
        .isEqualTo(-2047944441);
  }

  @Test
  void icebergSpecVectorForStringHashesTheUtf8Bytes() {
    assertThat(BUCKET.hash(Types.STRING, "iceberg")).isEqualTo(1210000089);
  }

  @Test
  void icebergSpecVectorForBinaryHashesTheBytes() {
    assertThat(BUCKET.hash(Types.BINARY, ByteBuffer.wrap(new byte[] {0, 1, 2, 3}))).isEqualTo(-188683207);
  }

  @Test
  void binaryHashUsesOnlyTheRemainingBytesOfABuffer() {
    ByteBuffer inside = ByteBuffer.wrap(new byte[] {9, 0, 1, 2, 3, 9}, 1, 4).slice();
    ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {0, 1, 2, 3}).flip();

    assertThat(BUCKET.hash(Types.BINARY, inside)).isEqualTo(-188683207);
    assertThat(BUCKET.hash(Types.BINARY, direct)).isEqualTo(-188683207);
    assertThat(direct.remaining()).isEqualTo(4);
  }

  @Test
  void bucketIsTheHashWithoutItsSignBitModuloN() {
    // published by Iceberg's cross-engine cases: bucket[100] of 34 is 79, of decimal 14.20 is 59
    assertThat(Transforms.bucket(100).apply(Types.INT, 34)).isEqualTo(79);
    assertThat(Transforms.bucket(100).apply(Types.LONG, 34L)).isEqualTo(79);
    assertThat(Transforms.bucket(100).apply(Types.decimal(9, 2), new BigDecimal("14.20"))).isEqualTo(59);
    assertThat(Transforms.bucket(16).apply(Types.LONG, 34L)).isEqualTo(3);
    assertThat(Transforms.bucket(10).apply(Types.DATE, LocalDate.parse("2017-11-16")))
        .isEqualTo((-653330422 & Integer.MAX_VALUE) % 10);
  }

  @Test
  void rawHashMatchesKnownVectorsForEveryTailLength() {
    assertThat(Murmur3.hash(new byte[0])).isZero();
    assertThat(Murmur3.hash(ascii("a"))).isEqualTo(0x3c2569b2);
    assertThat(Murmur3.hash(ascii("ab"))).isEqualTo(0x9bbfd75f);
    assertThat(Murmur3.hash(ascii("abc"))).isEqualTo(0xb3dd93fa);
    assertThat(Murmur3.hash(ascii("abcd"))).isEqualTo(0x43ed676a);
    assertThat(Murmur3.hash(ascii("hello"))).isEqualTo(0x248bfa47);
    assertThat(Murmur3.hash(ascii("The quick brown fox jumps over the lazy dog"))).isEqualTo(0x2e4ff723);
  }

  @Test
  void hashLongEqualsTheHashOfItsEightLittleEndianBytes() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      long v = i < 3 ? new long[] {0, -1, Long.MIN_VALUE}[i] : random.nextLong();
      byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
      assertThat(Murmur3.hashLong(v)).as("value %d", v).isEqualTo(Murmur3.hash(bytes));
    }
  }

  @Test
  void intAndLongHashAlikeSoWideningKeepsBuckets() {
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      int v = random.nextInt();
      assertThat(Transforms.bucket(1024).apply(Types.INT, v)).isEqualTo(Transforms.bucket(1024).apply(Types.LONG, (long) v));
    }
  }

  @Test
  void hashOfOffsetRangeHashesOnlyThatRange() {
    byte[] padded = ascii("xxicebergyy");

    assertThat(Murmur3.hash(padded, 2, 7)).isEqualTo(1210000089);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}

package io.tidemark.core.internal.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.StorageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/** The deletion vector blob of spec.md section 4.7, byte for byte. */
class DeletionVectorsTest {
  private static Roaring64NavigableMap of(long... positions) {
    Roaring64NavigableMap map = new Roaring64NavigableMap();
    for (long p : positions) {
      map.addLong(p);
    }
    return map;
  }

  @Test
  void theBlobIsTheHeaderThePortable64BitBitmapAndItsCrc() {
    long high = (1L << 32) + 3;
    byte[] blob = DeletionVectors.encode(of(1, high));
    // what spec.md says, built by hand: 2 buckets (keys 0 and 1), each a portable 32-bit bitmap of one array value
    ByteBuffer bitmap = ByteBuffer.allocate(8 + 2 * (4 + 18)).order(ByteOrder.LITTLE_ENDIAN);
    bitmap.putLong(2);
    for (int key = 0; key < 2; key++) {
      bitmap.putInt(key);
      bitmap.putInt(12346).putInt(1); // cookie without runs, one container
      bitmap.putShort((short) 0).putShort((short) 0); // container key 0, cardinality - 1 = 0
      bitmap.putInt(16); // offset of the container from the start of this 32-bit bitmap
      bitmap.putShort((short) (key == 0 ? 1 : 3));
    }
    byte[] bits = bitmap.array();
    CRC32 crc = new CRC32();
    crc.update(bits);
    byte[] expected = ByteBuffer.allocate(12 + bits.length + 4).put(new byte[] {'T', 'M', 'D', 'V'}).putInt(1)
        .putInt(bits.length).put(bits).putInt((int) crc.getValue()).array();
    assertThat(blob).isEqualTo(expected);
    assertThat(DeletionVectors.decode(blob, 2, high + 1, "v")).isEqualTo(of(1, high));
  }

  @Test
  void runsOfPositionsRoundTripSmall() {
    Roaring64NavigableMap many = new Roaring64NavigableMap();
    many.add(0L, 60_000L);
    byte[] blob = DeletionVectors.encode(many);
    assertThat(blob.length).isLessThan(DeletionVectors.INLINE_MAX_BYTES);
    assertThat(DeletionVectors.decode(blob, 60_000, 60_001, "v").getLongCardinality()).isEqualTo(60_000);
  }

  @Test
  void aFlippedBitFailsTheChecksum() {
    byte[] blob = DeletionVectors.encode(of(5, 9, 70_000));
    blob[20] ^= 1;
    assertThatThrownBy(() -> DeletionVectors.decode(blob, 3, 100_000, "the vector of x"))
        .isInstanceOf(StorageException.class).hasMessageContaining("the vector of x").hasMessageContaining("checksum");
  }

  @Test
  void aBlobThatDisagreesWithTheLogIsDamaged() {
    byte[] blob = DeletionVectors.encode(of(5, 9));
    assertThatThrownBy(() -> DeletionVectors.decode(blob, 3, 100, "v")).hasMessageContaining("2 positions");
    assertThatThrownBy(() -> DeletionVectors.decode(blob, 2, 9, "v")).hasMessageContaining("outside");
    byte[] other = blob.clone();
    other[0] = 'X';
    assertThatThrownBy(() -> DeletionVectors.decode(other, 2, 100, "v")).hasMessageContaining("magic");
    byte[] version = blob.clone();
    version[7] = 2;
    assertThatThrownBy(() -> DeletionVectors.decode(version, 2, 100, "v")).hasMessageContaining("format version 2");
    assertThatThrownBy(() -> DeletionVectors.decode(Arrays.copyOf(blob, blob.length - 1), 2, 100, "v"))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void deletedRowsAnswerPositionsAndCountRangesOnBothSidesOf32Bits() {
    DeletedRows small = DeletedRows.of(of(0, 5, 6, 100));
    assertThat(small.isDeleted(5)).isTrue();
    assertThat(small.isDeleted(7)).isFalse();
    assertThat(small.countIn(0, 6)).isEqualTo(2);
    assertThat(small.countIn(6, 101)).isEqualTo(2);
    DeletedRows large = DeletedRows.of(of(3, (1L << 33) + 1));
    assertThat(large.isDeleted((1L << 33) + 1)).isTrue();
    assertThat(large.isDeleted(4)).isFalse();
    assertThat(large.countIn(0, 1L << 34)).isEqualTo(2);
    assertThat(large.countIn(4, 1L << 33)).isZero();
  }
}

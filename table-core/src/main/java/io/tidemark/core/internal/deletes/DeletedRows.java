package io.tidemark.core.internal.deletes;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The deleted row positions of one data file, asked once per row while a file is read: a 32-bit
 * bitmap when every position fits (the usual case, and the fastest lookup), else the 64-bit one.
 */
public final class DeletedRows {
  private final RoaringBitmap small;
  private final Roaring64NavigableMap large;

  private DeletedRows(RoaringBitmap small, Roaring64NavigableMap large) {
    this.small = small;
    this.large = large;
  }

  /** The positions of a decoded vector, or null for null. */
  public static DeletedRows of(Roaring64NavigableMap positions) {
    if (positions == null) {
      return null;
    }
    if (positions.isEmpty() || positions.getReverseLongIterator().next() <= Integer.MAX_VALUE) {
      RoaringBitmap bits = new RoaringBitmap();
      LongIterator it = positions.getLongIterator();
      while (it.hasNext()) {
        bits.add((int) it.next());
      }
      return new DeletedRows(bits, null);
    }
    return new DeletedRows(null, positions);
  }

  /** True when the row at this position of the file is deleted. */
  public boolean isDeleted(long position) {
    if (small != null) {
      return position <= Integer.MAX_VALUE && small.contains((int) position);
    }
    return large.contains(position);
  }

  /** The deleted positions in {@code [from, to)}. */
  public long countIn(long from, long to) {
    if (from >= to) {
      return 0;
    }
    if (small != null) {
      long end = Math.min(to, (long) Integer.MAX_VALUE + 1);
      return from >= end ? 0 : small.rangeCardinality(from, end);
    }
    return large.rankLong(to - 1) - (from == 0 ? 0 : large.rankLong(from - 1));
  }
}

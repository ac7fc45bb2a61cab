package io.tidemark.core.internal.parquet;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what reading data files touched: row groups in the files, row groups read, and their compressed bytes. Thread-safe. */
public final class ReadMetrics {
  private final AtomicLong filesOpened = new AtomicLong();
  private final AtomicLong rowGroupsTotal = new AtomicLong();
  private final AtomicLong rowGroupsRead = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong rowGroupsProven = new AtomicLong();

  void add(int total, int read, long bytes) {
    filesOpened.incrementAndGet();
    rowGroupsTotal.addAndGet(total);
    rowGroupsRead.addAndGet(read);
    bytesRead.addAndGet(bytes);
  }

  void addProven(int rowGroups) {
    rowGroupsProven.addAndGet(rowGroups);
  }

  /**
   * Row groups read whose footer statistics proved that every row matches the filter, so that
   * no row of them was tested.
   */
  public long rowGroupsProven() {
    return rowGroupsProven.get();
  }

  /** Data files opened. */
  public long filesOpened() {
    return filesOpened.get();
  }

  /** Row groups in the files opened. */
  public long rowGroupsTotal() {
    return rowGroupsTotal.get();
  }

  /** Row groups read (the others were skipped by their statistics or dictionaries). */
  public long rowGroupsRead() {
    return rowGroupsRead.get();
  }

  /** Compressed bytes of the row groups read. */
  public long bytesRead() {
    return bytesRead.get();
  }
}

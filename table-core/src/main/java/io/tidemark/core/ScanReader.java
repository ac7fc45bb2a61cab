package io.tidemark.core;

import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;

/** The rows of a scan or of scan tasks, and what reading them has done so far. Close it to release open files. */
public interface ScanReader extends CloseableIterable<Record> {
  /** What the reader's iterators have read so far (all of them together). */
  ScanMetrics metrics();
}

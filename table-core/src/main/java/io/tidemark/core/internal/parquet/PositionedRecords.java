package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;

/** Records of a data file that say where in the file each one is. */
public interface PositionedRecords extends CloseableIterator<Record> {
  /** The position in the file (0-based over all its rows) of the record {@link #next()} returned last. */
  long position();
}

package io.tidemark.core;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.deletes.DeletedRows;
import io.tidemark.core.internal.deletes.DeletionVectors;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.parquet.DataFileReader;
import io.tidemark.core.internal.parquet.ReadMetrics;
import io.tidemark.core.internal.read.ParallelReads;
import io.tidemark.core.io.InputFile;
import io.tidemark.spec.actions.DeletionVector;
import io.tidemark.spec.error.MissingDataFileException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of planned files or ranges of them: reads each part's row groups that may match, keeps
 * the rows the filter matches (reading the filter's columns too when they are not selected), and
 * returns the selected columns, part after part in order; with several threads, parts are read
 * ahead on threads of their own ({@link ParallelReads}) and their rows still come in that order.
 */
final class ScanRecords implements ScanReader {
  private final List<FilePart> parts;
  private final Function<String, InputFile> inputs;
  private final Schema output;
  private final Schema read;
  private final Expression filter;
  private final int[] outputPositions;
  private final long version;
  private final int threads;
  private final ReadMetrics metrics = new ReadMetrics();
  private final List<Rows> iterators = new ArrayList<>();

  /**
   * A data file to read, or the byte range of one whose row groups (by their middle byte) to read.
   *
   * @param length the range's length, or -1 for the whole file
   * @param deletionVector the file's deleted rows, or null
   * @param recordCount the file's rows (with a vector, every deleted position is below it)
   */
  record FilePart(String path, long start, long length, DeletionVector deletionVector, long recordCount) {}

  /**
   * @param inputs opens a data file by its path relative to the table root
   * @param tableSchema the snapshot's schema
   * @param output the columns to return
   * @param filter the bound filter, or null when every row matches
   * @param filterFieldIds the field ids the filter references
   * @param version the snapshot version the files belong to (named when one is gone)
   * @param threads parts read at once, each on a thread of its own (1: on the caller's thread)
   */
  ScanRecords(List<FilePart> parts, Function<String, InputFile> inputs, Schema tableSchema, Schema output,
      Expression filter, Set<Integer> filterFieldIds, long version, int threads) {
    this.version = version;
    this.threads = threads;
    this.parts = parts;
    this.inputs = inputs;
    this.output = output;
    this.filter = filter;
    if (filter == null) {
      this.read = output;
      this.outputPositions = null;
    } else {
      List<NestedField> columns = new ArrayList<>(output.columns());
      for (NestedField column : tableSchema.columns()) {
        if (!columns.contains(column) && Binder.containsAny(column, filterFieldIds)) {
          columns.add(column);
        }
      }
      this.read = new Schema(columns);
      this.outputPositions = columns.size() == output.columns().size() ? null : identity(output.columns().size());
    }
  }

  private static int[] identity(int n) {
    int[] positions = new int[n];
    for (int i = 0; i < n; i++) {
      positions[i] = i;
    }
    return positions;
  }

  /** Counts rows returned by iterators read on their own threads; exact when read from the reading thread. */
  @Override
  public synchronized ScanMetrics metrics() {
    long rows = iterators.stream().mapToLong(r -> r.returned).sum();
    return new ScanMetrics(metrics.filesOpened(), metrics.rowGroupsTotal(), metrics.rowGroupsRead(),
        metrics.bytesRead(), rows);
  }

  @Override
  public synchronized CloseableIterator<Record> iterator() {
    Rows it = new Rows();
    iterators.add(it);
    return it;
  }

  @Override
  public synchronized void close() {
    for (Rows it : iterators) {
      it.close();
    }
  }

  /** The rows of one part that match the filter, projected onto the output columns. */
  private CloseableIterator<Record> open(FilePart part) {
    CloseableIterator<Record> rows;
    try {
      DeletedRows deleted = DeletedRows.of(DeletionVectors.load(inputs, part.path(), part.deletionVector(),
          part.recordCount(), version));
      rows = DataFileReader.openMatching(inputs.apply(part.path()), read, filter, metrics, part.start(),
          part.length(), deleted);
    } catch (StorageException e) {
      if (MissingDataFileException.isNotFound(e)) {
        throw MissingDataFileException.scanning(part.path(), version, e);
      }
      throw e;
    }
    return outputPositions == null ? rows : new Projected(rows);
  }

  /** Rows narrowed to the output columns (the filter's other columns dropped). */
  private final class Projected implements CloseableIterator<Record> {
    private final CloseableIterator<Record> wide;

    Projected(CloseableIterator<Record> wide) {
      this.wide = wide;
    }

    @Override
    public boolean hasNext() {
      return wide.hasNext();
    }

    @Override
    public Record next() {
      Record r = wide.next();
      Object[] values = new Object[outputPositions.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(outputPositions[i]);
      }
      return Record.trusted(output.asStruct(), values);
    }

    @Override
    public void close() {
      wide.close();
    }
  }

  /** The parts' rows one part after another, on the caller's thread. */
  private final class Sequential implements CloseableIterator<Record> {
    private final Iterator<FilePart> remaining = parts.iterator();
    private CloseableIterator<Record> current;

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        if (current != null) {
          current.close();
          current = null;
        }
        if (!remaining.hasNext()) {
          return false;
        }
        current = open(remaining.next());
      }
      return true;
    }

    @Override
    public Record next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }

  private final class Rows implements CloseableIterator<Record> {
    private final CloseableIterator<Record> source = threads > 1 && parts.size() > 1
        ? new ParallelReads<>(parts, ScanRecords.this::open, threads) : new Sequential();
    private long returned;

    @Override
    public boolean hasNext() {
      return source.hasNext();
    }

    @Override
    public Record next() {
      Record r = source.next();
      returned++;
      return r;
    }

    @Override
    public void close() {
      source.close();
    }
  }
}

package io.tidemark.core;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.deletes.DeletedRows;
import io.tidemark.core.internal.deletes.DeletionVectors;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.parquet.DataFileReader;
import io.tidemark.core.internal.parquet.ReadMetrics;
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
 * returns the selected columns.
 */
final class ScanRecords implements ScanReader {
  private final List<FilePart> parts;
  private final Function<String, InputFile> inputs;
  private final Schema output;
  private final Schema read;
  private final Expression filter;
  private final int[] outputPositions;
  private final long version;
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
   */
  ScanRecords(List<FilePart> parts, Function<String, InputFile> inputs, Schema tableSchema, Schema output,
      Expression filter, Set<Integer> filterFieldIds, long version) {
    this.version = version;
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

  private final class Rows implements CloseableIterator<Record> {
    private final Iterator<FilePart> remaining = parts.iterator();
    private final RowEvaluator evaluator = filter == null ? null : new RowEvaluator(filter);
    private CloseableIterator<Record> current;
    private Record next;
    private long returned;

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (current != null && current.hasNext()) {
          Record candidate = current.next();
          if (evaluator == null || evaluator.matches(candidate)) {
            next = outputPositions == null ? candidate : project(candidate);
            returned++;
          }
          continue;
        }
        if (current != null) {
          current.close();
          current = null;
        }
        if (!remaining.hasNext()) {
          return false;
        }
        FilePart part = remaining.next();
        try {
          DeletedRows deleted = DeletedRows.of(DeletionVectors.load(inputs, part.path(), part.deletionVector(),
              part.recordCount(), version));
          current = DataFileReader.open(inputs.apply(part.path()), read, filter, metrics, part.start(),
              part.length(), deleted);
        } catch (StorageException e) {
          if (MissingDataFileException.isNotFound(e)) {
            throw MissingDataFileException.scanning(part.path(), version, e);
          }
          throw e;
        }
      }
      return true;
    }

    private Record project(Record wide) {
      Object[] values = new Object[outputPositions.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = wide.get(outputPositions[i]);
      }
      return Record.trusted(output.asStruct(), values);
    }

    @Override
    public Record next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Record r = next;
      next = null;
      return r;
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}

package io.tidemark.core;

import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.RowEvaluator;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.parquet.DataFileReader;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.error.MissingDataFileException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of planned files: reads each file's row groups that may match, keeps the rows the
 * filter matches (reading the filter's columns too when they are not selected), and returns the
 * selected columns.
 */
final class ScanRecords implements CloseableIterable<Record> {
  private final List<AddFile> files;
  private final Function<AddFile, InputFile> inputs;
  private final Schema output;
  private final Schema read;
  private final Expression filter;
  private final int[] outputPositions;
  private final List<CloseableIterator<Record>> open = new ArrayList<>();
  private final long version;

  /**
   * @param tableSchema the snapshot's schema
   * @param output the columns to return
   * @param filter the bound filter, or null when every row matches
   * @param filterFieldIds the field ids the filter references
   * @param version the snapshot version the files belong to (named when one is gone)
   */
  ScanRecords(List<AddFile> files, Function<AddFile, InputFile> inputs, Schema tableSchema, Schema output,
      Expression filter, Set<Integer> filterFieldIds, long version) {
    this.version = version;
    this.files = files;
    this.inputs = inputs;
    this.output = output;
    this.filter = filter;
    if (filter == null) {
      this.read = output;
      this.outputPositions = null;
    } else {
      List<NestedField> columns = new ArrayList<>(output.columns());
      for (NestedField column : tableSchema.columns()) {
        if (!columns.contains(column) && containsAny(column, filterFieldIds)) {
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

  private static boolean containsAny(NestedField field, Set<Integer> ids) {
    if (ids.contains(field.id())) {
      return true;
    }
    if (field.type() instanceof StructType s) {
      for (NestedField child : s.fields()) {
        if (containsAny(child, ids)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public synchronized CloseableIterator<Record> iterator() {
    CloseableIterator<Record> it = new Rows();
    open.add(it);
    return it;
  }

  @Override
  public synchronized void close() {
    for (CloseableIterator<Record> it : open) {
      it.close();
    }
    open.clear();
  }

  private final class Rows implements CloseableIterator<Record> {
    private final Iterator<AddFile> remaining = files.iterator();
    private final RowEvaluator evaluator = filter == null ? null : new RowEvaluator(filter);
    private CloseableIterator<Record> current;
    private Record next;

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (current != null && current.hasNext()) {
          Record candidate = current.next();
          if (evaluator == null || evaluator.matches(candidate)) {
            next = outputPositions == null ? candidate : project(candidate);
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
        AddFile file = remaining.next();
        try {
          current = DataFileReader.open(inputs.apply(file), read, filter, null);
        } catch (StorageException e) {
          if (MissingDataFileException.isNotFound(e)) {
            throw MissingDataFileException.scanning(file.path(), version, e);
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

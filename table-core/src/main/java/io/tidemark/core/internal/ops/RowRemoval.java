package io.tidemark.core.internal.ops;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.commit.ReadSet;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.deletes.DeletionVectors;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.expr.StrictEvaluator;
import io.tidemark.core.internal.parquet.DataFileWriter;
import io.tidemark.core.internal.parquet.PositionedRecords;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.core.internal.plan.FileMatcher;
import io.tidemark.core.internal.plan.Planner;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.DeletionVector;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.roaringbitmap.longlong.Roaring64NavigableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the rows matching a filter from one snapshot, as delete and overwrite do: the planner
 * finds the files that may hold matching rows; a file whose partition values and statistics prove
 * that every row matches is removed unread; the others are read, and each one with a matching row
 * is replaced by a file of its other rows in the same partition directory (none when every row
 * matched). Records what it read, for the serializable conflict check. One use; not thread-safe.
 *
 * <p>In {@linkplain DeleteMode#MERGE_ON_READ merge-on-read} mode a file that keeps some rows is
 * not rewritten: its deleted positions, the ones its vector held before included, go into a new
 * deletion vector, and the commit removes the file and adds it again with that vector (spec.md
 * section 4.7). Rows a file's vector deletes already are never read as matches in either mode.
 */
final class RowRemoval {
  private static final Logger LOG = LoggerFactory.getLogger(RowRemoval.class);

  private final TableContext table;
  private final TableState read;
  private final Expression filter;
  private final Expression bound;
  private final DeleteMode mode;
  private final Predicate<Record> rowMatch;
  private final List<String> vectorFiles = new ArrayList<>();
  private final List<RemoveFile> removes = new ArrayList<>();
  private final List<AddFile> adds = new ArrayList<>();
  private final Set<String> readFiles = new LinkedHashSet<>();
  private final List<DataFileWriter> writers = new ArrayList<>();
  private long deletedRows;
  private long copiedRows;
  private long removedUnread;
  private long vectorsWritten;

  /**
   * @param filter an unbound filter on the snapshot's schema
   * @param mode how a file that keeps rows loses the others
   * @throws io.tidemark.spec.error.UnsupportedFeatureException in merge-on-read mode on a table whose protocol
   *     lacks deletion vectors
   * @throws io.tidemark.spec.error.InvalidArgumentException when the filter does not bind
   */
  RowRemoval(TableContext table, TableState read, Expression filter, DeleteMode mode) {
    this(table, read, filter, mode, null);
  }

  /**
   * @param filter selects the files to read: every row removed matches it
   * @param rowMatch decides, row by row, which live rows of those files go; null for the rows
   *     the filter matches. When given, no file is removed unread (the filter proves only that
   *     its rows are candidates).
   */
  RowRemoval(TableContext table, TableState read, Expression filter, DeleteMode mode, Predicate<Record> rowMatch) {
    this.table = table;
    this.read = read;
    this.filter = filter;
    this.bound = Binder.bind(read.metadata().schema(), filter);
    this.mode = mode;
    this.rowMatch = rowMatch;
    if (mode == DeleteMode.MERGE_ON_READ && !read.protocol().supports(Protocol.DELETION_VECTORS)) {
      throw new UnsupportedFeatureException("table " + table.location() + " has no '" + Protocol.DELETION_VECTORS
          + "' feature in its protocol; set " + DeleteMode.PROPERTY + "=merge-on-read to add it");
    }
  }

  /** Finds the files, removes or rewrites them (writing the new files now); the commit is the caller's. */
  RowRemoval run() {
    Metadata metadata = read.metadata();
    Schema schema = metadata.schema();
    StrictEvaluator strict = new StrictEvaluator(bound);
    RowEvaluator evaluator = new RowEvaluator(bound);
    Predicate<Record> rows = rowMatch != null ? rowMatch : evaluator::matches;
    WriterOptions options = WriterOptions.fromProperties(metadata.properties());
    try {
      for (AddFile file : new Planner(read, filter).plan().files()) {
        readFiles.add(file.path());
        if (rowMatch == null && strict.allMatch(new IdentityPartitionBounds(file, schema, metadata.spec(file.specId())))) {
          removes.add(DataFiles.remove(file, true));
          deletedRows += file.liveRecordCount();
          removedUnread++;
          continue;
        }
        if (mode == DeleteMode.MERGE_ON_READ) {
          markDeleted(file, schema, rows);
        } else {
          rewrite(file, schema, rows, options);
        }
      }
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
    LOG.debug("{} of version {} of {}: {} files read, {} removed ({} unread), {} rows deleted", filter,
        read.version(), table.location(), readFiles.size(), removes.size(), removedUnread, deletedRows);
    return this;
  }

  private void rewrite(AddFile file, Schema schema, Predicate<Record> rows, WriterOptions options) {
    DataFileWriter writer = new DataFileWriter(table.io(), table.location(), DataFiles.directory(file.path()),
        schema, options, file.specId(), file.partitionValues());
    writers.add(writer);
    long deleted = 0;
    long kept = 0;
    try (CloseableIterator<Record> records = DataFiles.read(table, file, schema, read.version())) {
      while (records.hasNext()) {
        Record r = records.next();
        if (rows.test(r)) {
          deleted++;
        } else {
          writer.write(r);
          kept++;
        }
      }
    }
    if (deleted == 0) {
      writer.abort(); // nothing to delete here: the file stays as it is
      return;
    }
    adds.addAll(writer.finish());
    removes.add(DataFiles.remove(file, true));
    deletedRows += deleted;
    copiedRows += kept;
  }

  private void markDeleted(AddFile file, Schema schema, Predicate<Record> rows) {
    Roaring64NavigableMap positions = DeletionVectors.load(table.locations()::inputFile, file, read.version());
    if (positions == null) {
      positions = new Roaring64NavigableMap();
    }
    long before = positions.getLongCardinality();
    // only the columns the filter reads (merge keys are in it), and only the row groups and pages
    // that may hold a match: what makes this much cheaper than a rewrite
    try (PositionedRecords records = DataFiles.readPositioned(table, file, filterColumns(schema), read.version(),
        bound, null)) {
      while (records.hasNext()) {
        Record r = records.next();
        long position = records.position();
        if (position < 0 || position >= file.recordCount()) {
          throw new StorageException("data file " + file.path() + " has a row at position " + position
              + " where the log says it has " + file.recordCount() + " rows; its rows cannot be deleted by position",
              null);
        }
        if (!positions.contains(position) && rows.test(r)) {
          positions.addLong(position);
        }
      }
    }
    long deleted = positions.getLongCardinality() - before;
    if (deleted == 0) {
      return;
    }
    removes.add(DataFiles.remove(file, true));
    deletedRows += deleted;
    if (positions.getLongCardinality() == file.recordCount()) {
      return; // no row left: the file goes whole
    }
    DeletionVector vector = DeletionVectors.write(table.io(), table.locations(), file.path(), positions,
        vectorFiles::add);
    adds.add(file.withDeletionVector(vector).withDataChange(true));
    vectorsWritten++;
  }

  private Schema filterColumns(Schema schema) {
    Set<Integer> ids = Binder.referencedFieldIds(bound);
    List<NestedField> columns = schema.columns().stream().filter(c -> Binder.containsAny(c, ids)).toList();
    return columns.isEmpty() ? schema : new Schema(columns);
  }

  /** Files given a new deletion vector (each both removed and added again). */
  long vectorsWritten() {
    return vectorsWritten;
  }

  /** What this removal read: the files and the filter, checked against concurrent adds. */
  ReadSet reads() {
    FileMatcher matcher = new FileMatcher(read.metadata(), bound);
    return new ReadSet(readFiles, matcher::mightMatch, filter.toString(), false);
  }

  /** Deletes the files written (the commit surely failed). */
  void abort() {
    writers.forEach(DataFileWriter::abort);
    for (String location : vectorFiles) {
      try {
        table.locations().delete(location);
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot delete deletion vector {} of a failed commit: {}", location, e.toString());
      }
    }
  }

  List<RemoveFile> removes() {
    return removes;
  }

  List<AddFile> adds() {
    return adds;
  }

  long deletedRows() {
    return deletedRows;
  }

  long copiedRows() {
    return copiedRows;
  }

  long removedUnread() {
    return removedUnread;
  }
}

package io.tidemark.core.internal.ops;

import io.tidemark.core.internal.commit.ReadSet;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.expr.StrictEvaluator;
import io.tidemark.core.internal.parquet.DataFileWriter;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.core.internal.plan.FileMatcher;
import io.tidemark.core.internal.plan.Planner;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the rows matching a filter from one snapshot, as delete and overwrite do: the planner
 * finds the files that may hold matching rows; a file whose partition values and statistics prove
 * that every row matches is removed unread; the others are read, and each one with a matching row
 * is replaced by a file of its other rows in the same partition directory (none when every row
 * matched). Records what it read, for the serializable conflict check. One use; not thread-safe.
 */
final class RowRemoval {
  private static final Logger LOG = LoggerFactory.getLogger(RowRemoval.class);

  private final TableContext table;
  private final TableState read;
  private final Expression filter;
  private final Expression bound;
  private final List<RemoveFile> removes = new ArrayList<>();
  private final List<AddFile> adds = new ArrayList<>();
  private final Set<String> readFiles = new LinkedHashSet<>();
  private final List<DataFileWriter> writers = new ArrayList<>();
  private long deletedRows;
  private long copiedRows;
  private long removedUnread;

  /**
   * @param filter an unbound filter on the snapshot's schema
   * @throws io.tidemark.spec.error.InvalidArgumentException when it does not bind
   */
  RowRemoval(TableContext table, TableState read, Expression filter) {
    this.table = table;
    this.read = read;
    this.filter = filter;
    this.bound = Binder.bind(read.metadata().schema(), filter);
  }

  /** Finds the files, removes or rewrites them (writing the new files now); the commit is the caller's. */
  RowRemoval run() {
    Metadata metadata = read.metadata();
    Schema schema = metadata.schema();
    StrictEvaluator strict = new StrictEvaluator(bound);
    RowEvaluator rows = new RowEvaluator(bound);
    WriterOptions options = WriterOptions.fromProperties(metadata.properties());
    try {
      for (AddFile file : new Planner(read, filter).plan().files()) {
        readFiles.add(file.path());
        if (strict.allMatch(new IdentityPartitionBounds(file, schema, metadata.spec(file.specId())))) {
          removes.add(DataFiles.remove(file, true));
          deletedRows += file.recordCount();
          removedUnread++;
          continue;
        }
        rewrite(file, schema, rows, options);
      }
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
    LOG.debug("{} of version {} of {}: {} files read, {} removed ({} unread), {} rows deleted", filter,
        read.version(), table.location(), readFiles.size(), removes.size(), removedUnread, deletedRows);
    return this;
  }

  private void rewrite(AddFile file, Schema schema, RowEvaluator rows, WriterOptions options) {
    DataFileWriter writer = new DataFileWriter(table.io(), table.location(), DataFiles.directory(file.path()),
        schema, options, file.specId(), file.partitionValues());
    writers.add(writer);
    long deleted = 0;
    long kept = 0;
    try (CloseableIterator<Record> records = DataFiles.read(table, file, schema, read.version())) {
      while (records.hasNext()) {
        Record r = records.next();
        if (rows.matches(r)) {
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

  /** What this removal read: the files and the filter, checked against concurrent adds. */
  ReadSet reads() {
    FileMatcher matcher = new FileMatcher(read.metadata(), bound);
    return new ReadSet(readFiles, matcher::mightMatch, filter.toString(), false);
  }

  /** Deletes the files written (the commit surely failed). */
  void abort() {
    writers.forEach(DataFileWriter::abort);
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

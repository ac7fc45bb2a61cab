package io.tidemark.core;

import io.tidemark.core.ScanRecords.FilePart;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.deletes.DeletionVectors;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Reads scan tasks, in any JVM: a worker given a {@link ScanTask} or {@link ScanTaskGroup} and the
 * table's storage reads exactly the rows the planning scan's {@link Scan#records()} returns for
 * those files. Nothing but the storage is needed: no {@link Table}, no log.
 *
 * <pre>{@code
 * List<ScanTaskGroup> groups = table.newScan().filter("day = '2024-01-02'").planTaskGroups(128 << 20);
 * // ... ship each group to a worker, which runs:
 * try (ScanReader rows = ScanTasks.open(io, group)) { for (Record r : rows) { ... } }
 * }</pre>
 */
public final class ScanTasks {
  private ScanTasks() {}

  /**
   * The positions (0-based row numbers in the whole data file) of the task's rows that a deletion
   * vector deletes, ascending; empty when {@link ScanTask#fileDeletedRecordCount()} is 0. For an
   * engine that reads the data file itself (by row position) instead of through {@link #open}: it
   * must leave these rows out to return what the scan returns.
   *
   * @throws io.tidemark.spec.error.StorageException when the deletion vector cannot be read
   * @throws io.tidemark.spec.error.OutsideTableException when its file resolves outside the table
   */
  public static long[] deletedPositions(FileIO io, ScanTask task) {
    TableLocations locations = new TableLocations(io, task.tableLocation());
    Roaring64NavigableMap positions = DeletionVectors.load(locations::inputFile, task.path(), task.deletionVector(),
        task.fileRecordCount(), task.version());
    return positions == null ? new long[0] : positions.toArray();
  }

  /** The rows of one task. Close the reader to release open files. */
  public static ScanReader open(FileIO io, ScanTask task) {
    return open(io, new ScanTaskGroup(List.of(task)));
  }

  /**
   * The rows of a group's tasks, task by task in order.
   *
   * @throws io.tidemark.spec.error.OutsideTableException when a task's file resolves outside its table
   */
  public static ScanReader open(FileIO io, ScanTaskGroup group) {
    ScanTask first = group.tasks().get(0);
    String filterText = first.filterText();
    List<FilePart> parts = new ArrayList<>(group.tasks().size());
    for (ScanTask t : group.tasks()) {
      parts.add(new FilePart(t.path(), t.start(), t.wholeFile() ? -1 : t.length(), t.deletionVector(),
          t.fileRecordCount()));
    }
    Schema tableSchema = first.tableSchema();
    Expression bound = filterText == null ? null : Binder.bind(tableSchema, Expressions.parse(filterText));
    TableLocations locations = new TableLocations(io, first.tableLocation());
    return new ScanRecords(parts, locations::inputFile, tableSchema, first.schema(), bound,
        bound == null ? Set.of() : Binder.referencedFieldIds(bound), first.version(), 1);
  }
}

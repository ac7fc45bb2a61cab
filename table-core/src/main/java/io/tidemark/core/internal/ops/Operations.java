package io.tidemark.core.internal.ops;

import io.tidemark.core.Compaction;
import io.tidemark.core.Delete;
import io.tidemark.core.Merge;
import io.tidemark.core.Overwrite;
import io.tidemark.core.Restore;
import io.tidemark.core.Vacuum;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.commit.ReadSet;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.RemoveFile;
import java.util.List;

/**
 * Makes table operations. Applications call them through {@code Table} ({@code table.restore()},
 * {@code table.newDelete()}, ...); this is the table's way in.
 */
public final class Operations {
  private Operations() {}

  /** A restore of the table, reading it now. */
  public static Restore restore(TableContext table) {
    return new BaseRestore(table);
  }

  /** A delete from the table, reading it now. */
  public static Delete delete(TableContext table) {
    return new BaseDelete(table);
  }

  /** An overwrite of the table, reading it now. */
  public static Overwrite overwrite(TableContext table) {
    return new BaseOverwrite(table);
  }

  /** A compaction of the table, reading it now. */
  public static Compaction compact(TableContext table) {
    return new BaseCompaction(table);
  }

  /** An upsert by key. */
  public static Merge merge(TableContext table) {
    return new BaseMerge(table);
  }

  /** A vacuum of the table. */
  public static Vacuum vacuum(TableContext table) {
    return new BaseVacuum(table);
  }

  /**
   * Removes the rows matching a filter from a state, as a delete does, without committing: files
   * that provably match are removed unread, others are rewritten without the matching rows, or
   * given a deletion vector when the state's properties ask for merge-on-read. For transactions,
   * which commit it with other changes.
   *
   * @param filter an unbound filter on the state's schema
   */
  public static RowChanges removeRows(TableContext table, TableState read, Expression filter) {
    RowRemoval removal = new RowRemoval(table, read, filter,
        DeleteMode.fromProperties(read.metadata().properties())).run();
    return new RowChanges(removal.removes(), removal.adds(), removal.removes().isEmpty() ? null : removal.reads(),
        removal.deletedRows(), removal::abort);
  }

  /**
   * Files a row-level change removes and adds, what it read, and how to delete the files it wrote.
   *
   * @param reads what it read, for the serializable conflict check; null when it changed nothing
   * @param cleanup deletes the files it wrote (only when the commit surely failed)
   */
  public record RowChanges(List<RemoveFile> removes, List<AddFile> adds, ReadSet reads, long deletedRows,
      Runnable cleanup) {}
}

package io.tidemark.core.ops;

import io.tidemark.core.commit.TableContext;

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

  /** A vacuum of the table. */
  public static Vacuum vacuum(TableContext table) {
    return new BaseVacuum(table);
  }
}

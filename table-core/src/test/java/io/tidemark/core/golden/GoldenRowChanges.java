package io.tidemark.core.golden;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The golden table {@code testdata/golden/v1-row-changes}: deletion vectors inline and in a file,
 * an upsert and a checkpoint listing files with vectors. {@link #main} wrote it once; do not
 * rewrite it. {@link #expected} is the model each version must read as.
 */
public final class GoldenRowChanges {
  /** The table's schema. */
  public static final Schema SCHEMA = SchemaDdl.parse("id long not null, v string, gone boolean not null");
  /** Rows of the one append (version 1). */
  static final int ROWS = 3000;

  private GoldenRowChanges() {}

  static Record row(long id, String v, boolean gone) {
    return Record.of(SCHEMA, id, v, gone);
  }

  /** The rows (id to v) of each version 0..5. */
  static Map<Long, String> expected(long version) {
    Map<Long, String> rows = new TreeMap<>();
    if (version >= 1) {
      for (long i = 0; i < ROWS; i++) {
        rows.put(i, "a" + i);
      }
    }
    if (version >= 3) { // merge-on-read delete, inline vector
      rows.keySet().removeIf(id -> id < 5 || id == 50);
    }
    if (version >= 4) { // merge-on-read delete, vector file
      rows.keySet().removeIf(id -> id % 3 == 0);
    }
    if (version >= 5) { // upsert: update 10, insert 5000, delete 20
      rows.put(10L, "b10");
      rows.put(5000L, "b5000");
      rows.remove(20L);
    }
    return rows;
  }

  /** Writes the golden table at the path given; used once, when deletion vectors were made. */
  public static void main(String[] args) {
    Table table = Tables.create(Path.of(args[0]).toString(), SCHEMA);
    try (AppendWriter w = table.newAppend()) {
      for (long i = 0; i < ROWS; i++) {
        w.write(row(i, "a" + i, i % 3 == 0));
      }
      w.commit();
    }
    table.updateProperties().set(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ).commit();
    table.newDelete().where("id < 5 or id = 50").commit();
    table.newDelete().where("gone = true").commit();
    table.newMerge().on("id").source(List.of(row(10, "b10", false), row(5000, "b5000", false),
        row(20, null, true))).whenMatchedUpdateAll().whenNotMatchedInsertAll()
        .whenMatchedDeleteIf(r -> (Boolean) r.get("gone")).commit();
    table.checkpoint();
  }
}

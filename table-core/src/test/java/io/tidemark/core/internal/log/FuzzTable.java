package io.tidemark.core.internal.log;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.Types;
import java.time.Instant;
import java.util.Map;

/**
 * A small real table whose commits hold every kind of action, for fuzzing with mutated commit
 * files: version 0 creates it (identity-partitioned by a string), 1 and 2 append (with stats, null
 * and NaN values), 3 deletes rows (removes and re-adds), a checkpoint is taken at 3, 4 adds a
 * column, 5 appends with an application transaction, 6 compacts, 7 appends.
 */
public final class FuzzTable {
  /** The schema at creation. */
  public static final Schema SCHEMA = SchemaDdl.parse("id long not null, category string, ts timestamp, amount double");
  /** The newest version. */
  public static final long LATEST = 7;
  /** The version the checkpoint is taken at. */
  public static final long CHECKPOINT = 3;
  private static final String[] CATEGORIES = {"a", "b", "x y/z", null};

  private FuzzTable() {}

  /** Creates the table at a location. */
  public static Table create(String location) {
    Table table = Tables.create(location, SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("category").build(),
        Map.of("checkpoint.interval", "1000"));
    append(table, 0, 12, -1);
    append(table, 12, 20, -1);
    table.newDelete().where("id < 4").commit();
    table.checkpoint();
    table.updateSchema().addColumn("note", Types.STRING).commit();
    append(table, 20, 26, 7);
    table.compact().commit();
    append(table, 26, 30, -1);
    return table;
  }

  private static void append(Table table, long from, long to, long appVersion) {
    try (AppendWriter w = table.newAppend()) {
      if (appVersion >= 0) {
        w.applicationTransaction("fuzz-app", appVersion);
      }
      for (long id = from; id < to; id++) {
        Record.Builder b = Record.builder(w.schema())
            .set("id", id)
            .set("category", CATEGORIES[(int) (id % CATEGORIES.length)])
            .set("ts", id % 5 == 0 ? null : Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 3600))
            .set("amount", id % 7 == 0 ? Double.NaN : id * 1.5);
        if (w.schema().findColumn("note") != null) {
          b.set("note", "note " + id);
        }
        w.write(b.build());
      }
      w.commit();
    }
  }
}

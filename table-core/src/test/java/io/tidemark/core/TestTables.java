package io.tidemark.core;

import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures: a small schema, rows with predictable values, and reading a scan into a list. */
public final class TestTables {
  /** id long not null, name string, ts timestamp, amount double. */
  public static final Schema SCHEMA = SchemaDdl.parse("id long not null, name string, ts timestamp, amount double");

  private TestTables() {}

  /** The row for an id: name "name-<id>", ts 2024-01-01 plus id seconds, amount id / 4. */
  public static Record row(long id) {
    return Record.of(SCHEMA, id, "name-" + id, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id), id / 4.0);
  }

  /** Rows for ids from (inclusive) to (exclusive). */
  public static List<Record> rows(long from, long to) {
    List<Record> out = new ArrayList<>();
    for (long id = from; id < to; id++) {
      out.add(row(id));
    }
    return out;
  }

  /** Appends rows in one commit and returns its result. */
  public static CommitResult append(Table table, List<Record> rows) {
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(rows);
      return w.commit();
    }
  }

  /** Every record of a scan. */
  public static List<Record> read(Scan scan) {
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> records = scan.records()) {
      for (Record r : records) {
        out.add(r);
      }
    }
    return out;
  }
}

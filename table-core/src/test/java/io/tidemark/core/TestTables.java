package io.tidemark.core;

import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.json.CommitCodec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

  /**
   * Writes the next commit by hand, as another writer or damage could leave it in the log,
   * stamped after every commit so far; returns its version.
   */
  public static long writeCommit(Table table, Action... body) {
    long version = table.refresh().version() + 1;
    CommitInfo info = new CommitInfo(System.currentTimeMillis() + 60_000, "TEST", Map.of(), version - 1,
        "WriteSerializable", false, UUID.randomUUID().toString(), Map.of(), "test", body.length);
    List<Action> actions = new ArrayList<>();
    actions.add(info);
    actions.addAll(List.of(body));
    try {
      if (!table.io().createExclusive(table.location() + "/" + LogFiles.commitPath(version),
          CommitCodec.encode(actions))) {
        throw new IllegalStateException("version " + version + " exists");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return version;
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

package io.tidemark.core.internal.ops;

import io.tidemark.core.Change;
import io.tidemark.core.ChangeType;
import io.tidemark.core.Merge;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeletionVectors;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The row changes of a range of versions, derived from the log as spec.md section 10.5 says:
 * files added and removed with {@code dataChange} true, and for a file removed and added again
 * in one commit, the positions its deletion vector gained (deleted) or lost (restored). Within a
 * commit a deleted row equal to an inserted one cancels out (copy-on-write rewrites copy rows),
 * and in a {@code MERGE} a deleted and an inserted row with one key make an update.
 */
public final class ChangeFeed {
  private final TableContext table;

  public ChangeFeed(TableContext table) {
    this.table = table;
  }

  /**
   * The changes of versions {@code from} to {@code to}, both included, in version order.
   *
   * @throws InvalidArgumentException when the range is empty or outside the table's versions
   */
  public List<Change> changes(long from, long to) {
    long latest = table.latestState().version();
    if (from < 0 || to < from || to > latest) {
      throw new InvalidArgumentException("changes need 0 <= from <= to <= " + latest + ", got " + from + " to " + to);
    }
    Schema schema = table.stateAt(to).metadata().schema();
    List<Change> out = new ArrayList<>();
    for (long v = from; v <= to; v++) {
      new VersionChanges(schema).collect(v, out);
    }
    return out;
  }

  /**
   * The changes of the commits whose in-commit timestamp is at or after {@code from} and at or
   * before {@code to}: from the first version committed at or after {@code from} to the version
   * current at {@code to} (the one a scan {@code asOfTimestamp(to)} reads). Empty when no commit
   * falls between them.
   *
   * @throws InvalidArgumentException when {@code from} is after {@code to}, or {@code to} is
   *     before the table's first commit
   */
  public List<Change> changes(Instant from, Instant to) {
    if (from.isAfter(to)) {
      throw new InvalidArgumentException("changes need from <= to, got " + from + " to " + to);
    }
    long last = table.stateAsOf(to).version();
    // the first version at or after `from` is the one after the version current just before it;
    // in-commit timestamps are whole milliseconds, so "just before" is the millisecond before
    long fromMillis = from.toEpochMilli() + (from.getNano() % 1_000_000 == 0 ? 0 : 1);
    long first = fromMillis <= table.log().read(0).info().timestamp() ? 0
        : table.stateAsOf(Instant.ofEpochMilli(fromMillis - 1)).version() + 1;
    return first > last ? List.of() : changes(first, last);
  }

  /** The changes of one version, read with one schema. */
  private final class VersionChanges {
    private final Schema schema;

    VersionChanges(Schema schema) {
      this.schema = schema;
    }

  void collect(long v, List<Change> out) {
    Commit commit = table.log().read(v);
    Map<String, AddFile> adds = new LinkedHashMap<>();
    for (AddFile a : commit.adds()) {
      if (a.dataChange()) {
        adds.put(a.path(), a);
      }
    }
    List<RemoveFile> removes = commit.removes().stream().filter(RemoveFile::dataChange).toList();
    if (adds.isEmpty() && removes.isEmpty()) {
      return;
    }
    List<Record> deleted = new ArrayList<>();
    List<Record> inserted = new ArrayList<>();
    if (!removes.isEmpty()) {
      Map<String, AddFile> before = new HashMap<>();
      for (AddFile f : table.stateAt(v - 1).dataFiles()) {
        before.put(f.path(), f);
      }
      for (RemoveFile r : removes) {
        AddFile old = before.get(r.path());
        AddFile again = adds.remove(r.path());
        Roaring64NavigableMap oldDeleted = vector(old, v - 1);
        if (again == null) {
          read(old, v - 1, p -> !oldDeleted.contains(p), deleted);
          continue;
        }
        Roaring64NavigableMap newDeleted = vector(again, v);
        read(old, v, p -> newDeleted.contains(p) && !oldDeleted.contains(p), deleted);
        read(old, v, p -> oldDeleted.contains(p) && !newDeleted.contains(p), inserted);
      }
    }
    for (AddFile a : adds.values()) {
      Roaring64NavigableMap dv = vector(a, v);
      read(a, v, p -> !dv.contains(p), inserted);
    }
    cancel(deleted, inserted);
    Instant at = Instant.ofEpochMilli(commit.info().timestamp());
    String keys = commit.info().operationParameters().get("keys");
    if (Merge.OPERATION.equals(commit.info().operation()) && keys != null) {
      pairUpdates(v, at, List.of(keys.split(",")), deleted, inserted, out);
    }
    deleted.forEach(r -> out.add(new Change(v, at, ChangeType.DELETE, r)));
    inserted.forEach(r -> out.add(new Change(v, at, ChangeType.INSERT, r)));
  }

  /** Adds the rows of a file at the positions chosen, in file order. */
  private void read(AddFile file, long version, LongPredicate positions, List<Record> into) {
    long p = 0;
    try (CloseableIterator<Record> rows = DataFiles.read(table, file, schema, version, null)) {
      while (rows.hasNext()) {
        Record r = rows.next();
        if (positions.test(p++)) {
          into.add(r);
        }
      }
    }
  }
  }

  private Roaring64NavigableMap vector(AddFile file, long version) {
    Roaring64NavigableMap dv = DeletionVectors.load(table.locations()::inputFile, file, version);
    return dv == null ? new Roaring64NavigableMap() : dv;
  }

  /** Removes the rows that are both deleted and inserted: they did not change. */
  private static void cancel(List<Record> deleted, List<Record> inserted) {
    Map<Record, Integer> insertedCounts = new HashMap<>();
    inserted.forEach(r -> insertedCounts.merge(r, 1, Integer::sum));
    Map<Record, Integer> cancelled = new HashMap<>();
    for (Iterator<Record> it = deleted.iterator(); it.hasNext(); ) {
      Record r = it.next();
      Integer n = insertedCounts.get(r);
      if (n != null && n > 0) {
        insertedCounts.put(r, n - 1);
        cancelled.merge(r, 1, Integer::sum);
        it.remove();
      }
    }
    for (Iterator<Record> it = inserted.iterator(); it.hasNext(); ) {
      Record r = it.next();
      Integer n = cancelled.get(r);
      if (n != null && n > 0) {
        cancelled.put(r, n - 1);
        it.remove();
      }
    }
  }

  /** Turns a deleted and an inserted row of one key into an update, taking both out of the lists. */
  private static void pairUpdates(long v, Instant at, List<String> keys, List<Record> deleted, List<Record> inserted,
      List<Change> out) {
    Map<List<Object>, Record> after = new LinkedHashMap<>();
    for (Record r : inserted) {
      after.put(key(r, keys), r);
    }
    for (Iterator<Record> it = deleted.iterator(); it.hasNext(); ) {
      Record before = it.next();
      Record now = after.remove(key(before, keys));
      if (now != null) {
        it.remove();
        inserted.remove(now);
        out.add(new Change(v, at, ChangeType.UPDATE_BEFORE, before));
        out.add(new Change(v, at, ChangeType.UPDATE_AFTER, now));
      }
    }
  }

  private static List<Object> key(Record r, List<String> keys) {
    List<Object> key = new ArrayList<>(keys.size());
    for (String k : keys) {
      key.add(r.get(k));
    }
    return key;
  }
}

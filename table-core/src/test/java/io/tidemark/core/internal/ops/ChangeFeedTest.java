package io.tidemark.core.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Change;
import io.tidemark.core.ChangeType;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change feed against the table's own versions and against an in-memory model. */
class ChangeFeedTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, v string, deleted boolean");

  @TempDir
  Path dir;

  private Table table() {
    return Tables.create(dir.resolve("t").toString(), SCHEMA,
        Map.of(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_MERGE_ON_READ));
  }

  private static Record r(long id, String v) {
    return Record.of(SCHEMA, id, v, false);
  }

  private static List<Record> rows(long from, long to, String tag) {
    List<Record> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(r(i, tag + i));
    }
    return out;
  }

  @Test
  void deletesOfBothModesMergesAndRestoresGiveTheirRowsAndCompactionNone() {
    Table table = table();
    long v1 = TestTables.append(table, rows(0, 10, "a")).version();
    long v2 = table.newDelete().where("id = 3").commit().version();
    long v3 = table.compact().commit().version(); // rewrites the file with a vector
    table.updateProperties().set(TableProperties.DELETE_MODE, TableProperties.DELETE_MODE_COPY_ON_WRITE).commit();
    long v5 = table.newDelete().where("id = 4").commit().version();
    long v6 = table.newMerge().on("id").source(List.of(r(5, "b5"), r(20, "b20"))).whenMatchedUpdateAll()
        .whenNotMatchedInsertAll().commit().version();
    long v7 = table.restore().toVersion(v1).commit().version();

    assertThat(table.changes(v1, v1)).hasSize(10).allMatch(c -> c.type() == ChangeType.INSERT && c.version() == v1);
    assertThat(table.changes(v2, v2)).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo(ChangeType.DELETE);
      assertThat(c.row()).isEqualTo(r(3, "a3"));
    });
    // copy-on-write copies the other rows: only the deleted one is a change
    assertThat(v3).isPositive();
    assertThat(table.changes(v3, v3)).isEmpty();
    assertThat(table.changes(v5, v5)).extracting(Change::type, Change::row)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeType.DELETE, r(4, "a4")));
    assertThat(table.changes(v6, v6)).extracting(Change::type, Change::row).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(ChangeType.UPDATE_BEFORE, r(5, "a5")),
        org.assertj.core.groups.Tuple.tuple(ChangeType.UPDATE_AFTER, r(5, "b5")),
        org.assertj.core.groups.Tuple.tuple(ChangeType.INSERT, r(20, "b20")));
    assertThat(table.changes(v7, v7)).extracting(Change::type, Change::row).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(ChangeType.INSERT, r(3, "a3")),
        org.assertj.core.groups.Tuple.tuple(ChangeType.INSERT, r(4, "a4")),
        org.assertj.core.groups.Tuple.tuple(ChangeType.DELETE, r(5, "b5")),
        org.assertj.core.groups.Tuple.tuple(ChangeType.INSERT, r(5, "a5")),
        org.assertj.core.groups.Tuple.tuple(ChangeType.DELETE, r(20, "b20")));
    assertThat(table.changes(v6, v6).get(0).timestamp().toEpochMilli())
        .isEqualTo(table.history().get((int) v6).timestamp().toEpochMilli());
    assertThatThrownBy(() -> table.changes(3, 2)).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> table.changes(0, v7 + 1)).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void changesByTimestampAreThoseOfTheVersionsCommittedFromTheFirstInstantToTheSecond() {
    Table table = table();
    long v1 = TestTables.append(table, rows(0, 10, "a")).version();
    long v2 = table.newDelete().where("id = 3").commit().version();
    long v3 = table.newMerge().on("id").source(List.of(r(5, "b5"))).whenMatchedUpdateAll().commit().version();
    List<Instant> at = table.history().stream().map(HistoryEntry::timestamp).toList();

    assertThat(table.changes(at.get((int) v1), at.get((int) v3))).isEqualTo(table.changes(v1, v3));
    assertThat(table.changes(at.get((int) v2), at.get((int) v2))).isEqualTo(table.changes(v2, v2));
    // an instant between two commits: the range starts after the earlier one and ends at it
    assertThat(table.changes(at.get((int) v1).plusNanos(1), at.get((int) v3).plusSeconds(5)))
        .isEqualTo(table.changes(v2, v3));
    assertThat(table.changes(at.get((int) v2), at.get((int) v3).minusNanos(1))).isEqualTo(table.changes(v2, v2));
    assertThat(table.changes(Instant.EPOCH, at.get((int) v1))).isEqualTo(table.changes(0, v1));
    assertThat(table.changes(at.get((int) v3).plusMillis(1), at.get((int) v3).plusSeconds(5))).isEmpty();
    assertThatThrownBy(() -> table.changes(at.get(2), at.get(1))).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> table.changes(Instant.EPOCH, at.get(0).minusMillis(1)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("before the table's first commit");
  }

  /** The value of the column of field {@code id} in a row, whatever the column is called now. */
  private static Object byField(Record r, int id) {
    var fields = r.struct().fields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).id() == id) {
        return r.get(i);
      }
    }
    throw new AssertionError("no field " + id + " in " + r);
  }

  private static final int ID = SCHEMA.findColumn("id").id();
  private static final int V = SCHEMA.findColumn("v").id();
  private static final int DELETED = SCHEMA.findColumn("deleted").id();

  /** A row of the table's current schema: columns added since are null. */
  private static Record row(Schema schema, long id, String v, boolean deleted) {
    var columns = schema.columns();
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      int field = columns.get(i).id();
      values[i] = field == ID ? (Object) id : field == V ? v : field == DELETED ? (Object) deleted : null;
    }
    return Record.of(schema, values);
  }

  private static Map<Long, String> contentsById(List<Record> rows) {
    Map<Long, String> out = new TreeMap<>();
    rows.forEach(x -> assertThat(out.put((Long) byField(x, ID), (String) byField(x, V))).as("%s twice", x).isNull());
    return out;
  }

  private static Map<Long, String> atVersion(Table table, long version) {
    return contentsById(TestTables.read(table.newScan().asOfVersion(version)));
  }

  /** Applies changes to a version's rows. */
  private static Map<Long, String> apply(Map<Long, String> rows, List<Change> changes) {
    Map<Long, String> out = new TreeMap<>(rows);
    for (Change c : changes) {
      long id = (Long) byField(c.row(), ID);
      String v = (String) byField(c.row(), V);
      switch (c.type()) {
        case DELETE, UPDATE_BEFORE -> assertThat(out.remove(id)).as("%s", c).isEqualTo(v);
        case INSERT, UPDATE_AFTER -> assertThat(out.put(id, v)).as("%s", c).isNull();
        default -> throw new AssertionError(c);
      }
    }
    return out;
  }

  private static String deleteMode(Table table) {
    return table.refresh().properties().get(TableProperties.DELETE_MODE);
  }

  /** Commits a schema change: adds a column, renames {@code v} or drops a column added before. */
  private static long changeSchema(Table table, Random random, int step) {
    Schema schema = table.refresh().schema();
    List<String> added = schema.columns().stream().filter(c -> c.id() != ID && c.id() != V && c.id() != DELETED)
        .map(c -> c.name()).toList();
    int kind = random.nextInt(3);
    if (kind == 0 && !added.isEmpty()) {
      return table.updateSchema().dropColumn(added.get(random.nextInt(added.size()))).commit().version();
    }
    if (kind == 1) {
      String name = schema.findField(V).name();
      return table.updateSchema().renameColumn(name, "v" + step).commit().version();
    }
    return table.updateSchema().addColumn("x" + step, io.tidemark.spec.types.Types.STRING).commit().version();
  }

  @Test
  void randomChangesBetweenAnyTwoVersionsTakeOneToTheOtherAndEveryVersionEqualsTheModel() {
    Table table = table();
    Random random = new Random(7);
    Map<Long, Map<Long, String>> models = new HashMap<>();
    Map<Long, String> model = new TreeMap<>();
    models.put(0L, Map.copyOf(model));
    long next = 0;
    int[] done = new int[13];
    for (int step = 0; step < 60; step++) {
      int op = random.nextInt(13);
      Schema schema = table.refresh().schema();
      long version;
      if (op < 3 || model.isEmpty()) {
        op = 0;
        int n = 1 + random.nextInt(30);
        List<Record> batch = new ArrayList<>();
        for (long id = next; id < next + n; id++) {
          batch.add(row(schema, id, "s" + step + "-" + id, false));
        }
        version = TestTables.append(table, batch).version();
        batch.forEach(x -> model.put((Long) byField(x, ID), (String) byField(x, V)));
        next += n;
      } else if (op < 5) {
        long cut = random.nextInt((int) next + 1);
        long mod = 2L + random.nextInt(3);
        if (random.nextBoolean()) {
          table.updateProperties().set(TableProperties.DELETE_MODE,
              "merge-on-read".equals(deleteMode(table)) ? "copy-on-write" : "merge-on-read").commit();
        }
        String filter = "id < " + cut + " and id > " + (cut - 10 * mod);
        var result = table.newDelete().where(filter).commit();
        if (!result.committed()) {
          continue;
        }
        version = result.version();
        model.keySet().removeIf(id -> id < cut && id > cut - 10 * mod);
      } else if (op < 8) {
        List<Record> source = new ArrayList<>();
        for (long id = random.nextInt((int) next + 5); id < next + 5 && source.size() < 12; id += 1 + random.nextInt(4)) {
          boolean delete = random.nextInt(4) == 0;
          source.add(row(schema, id, "m" + step + "-" + id, delete));
        }
        var result = table.newMerge().on("id").source(source).whenMatchedUpdateAll().whenNotMatchedInsertAll()
            .whenMatchedDeleteIf(x -> Boolean.TRUE.equals(byField(x, DELETED))).commit();
        if (!result.committed()) {
          continue;
        }
        version = result.version();
        for (Record x : source) {
          long id = (Long) byField(x, ID);
          if (Boolean.TRUE.equals(byField(x, DELETED))) {
            model.remove(id);
          } else {
            model.put(id, (String) byField(x, V));
          }
          next = Math.max(next, id + 1);
        }
      } else if (op < 9) {
        var result = table.compact().commit();
        if (!result.committed()) {
          continue;
        }
        version = result.version();
      } else if (op < 10) {
        List<Long> versions = new ArrayList<>(models.keySet());
        long target = versions.get(random.nextInt(versions.size()));
        var result = table.restore().toVersion(target).commit();
        version = result.version();
        model.clear();
        model.putAll(models.get(target));
      } else if (op < 11) {
        version = changeSchema(table, random, step);
      } else {
        // an overwrite of a range of ids, alone or in a transaction with an append of new ids
        long lo = random.nextInt((int) next + 1);
        long hi = lo + 1 + random.nextInt(15);
        next = Math.max(next, hi); // new ids of the range are taken
        List<Record> replacing = new ArrayList<>();
        for (long id = lo; id < hi; id++) {
          if (random.nextInt(3) > 0) {
            replacing.add(row(schema, id, "o" + step + "-" + id, false));
          }
        }
        String filter = "id >= " + lo + " and id < " + hi;
        if (op == 11) {
          try (var overwrite = table.newOverwrite().where(filter)) {
            replacing.forEach(overwrite::write);
            var result = overwrite.commit();
            if (!result.committed()) {
              continue;
            }
            version = result.version();
          }
        } else {
          var txn = table.newTransaction();
          if (random.nextBoolean()) {
            String mode = TableProperties.DELETE_MODE_MERGE_ON_READ.equals(deleteMode(table))
                ? TableProperties.DELETE_MODE_COPY_ON_WRITE : TableProperties.DELETE_MODE_MERGE_ON_READ;
            txn.updateProperties(p -> p.set(TableProperties.DELETE_MODE, mode)); // the later changes use it
          }
          List<Record> fresh = List.of(row(schema, next, "t" + step + "-" + next, false));
          version = txn.overwrite(filter, replacing).delete("id = " + (lo - 1)).append(fresh).commit().version();
          model.remove(lo - 1);
          model.put(next, "t" + step + "-" + next);
          next++;
        }
        model.keySet().removeIf(id -> id >= lo && id < hi);
        replacing.forEach(x -> model.put((Long) byField(x, ID), (String) byField(x, V)));
      }
      done[op]++;
      models.put(version, Map.copyOf(model));
      assertThat(atVersion(table, version)).as("step %d, version %d", step, version).isEqualTo(model);
    }
    assertThat(done[10]).as("schema changes made").isPositive();
    assertThat(done[11] + done[12]).as("overwrites and transactions made").isPositive();
    long latest = table.refresh().version();
    for (int i = 0; i < 30; i++) {
      long a = random.nextInt((int) latest);
      long b = a + 1 + random.nextInt((int) (latest - a));
      assertThat(apply(atVersion(table, a), table.changes(a + 1, b))).as("changes %d..%d", a + 1, b)
          .isEqualTo(atVersion(table, b));
    }
  }
}

package io.tidemark.core.internal.evolve;

import static io.tidemark.core.internal.evolve.EvolveFixtures.append;
import static io.tidemark.core.internal.evolve.EvolveFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.EvolutionResult;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.StaleTables;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conflict rules of spec.md 11.2 for schema and spec changes, with real threads. */
class ConcurrentEvolutionTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, name string");

  @TempDir
  Path dir;

  /** Runs the task on another thread and waits for it. */
  private static <T> T onOtherThread(java.util.concurrent.Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      return pool.submit(task).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anAppendRebasesOverAConcurrentChangeThatOnlyAddsOptionalColumns() throws Exception {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(t, Record.of(SCHEMA, 1L, "a"));
    try (AppendWriter w = t.newAppend()) { // reads version 1
      w.write(Record.of(SCHEMA, 2L, "b"));
      Table other = Tables.open(t.location());
      EvolutionResult added = onOtherThread(() -> other.updateSchema().addColumn("country", Types.STRING).first()
          .addColumn("extra", Types.struct(Types.optional("x", Types.INT))).commit());
      assertThat(added.version()).isEqualTo(2);
      assertThat(w.commit().version()).isEqualTo(3);
    }
    assertThat(rows(t)).containsExactly("country=null, id=1L, name=a, extra=null",
        "country=null, id=2L, name=b, extra=null");
    assertThat(t.refresh().metadata().schemaId()).isEqualTo(1);
  }

  @Test
  void anAppendConflictsWithAConcurrentDropRenameWidenOrSpecChange() throws Exception {
    List<java.util.function.Function<Table, EvolutionResult>> changes = List.of(
        x -> x.updateSchema().dropColumn("name").commit(),
        x -> x.updateSchema().renameColumn("name", "label").commit(),
        x -> x.updateSchema().addColumn("n", Types.INT).moveAfter("id", "name").commit(),
        x -> x.updateSchema().makeOptional("id").commit(),
        x -> x.updateSpec().addField("id", Transforms.bucket(2)).commit());
    for (var change : changes) {
      Table t = Tables.create(dir.resolve("t" + changes.indexOf(change)).toString(), SCHEMA);
      append(t, Record.of(SCHEMA, 1L, "a"));
      long before = t.refresh().version();
      List<String> rowsBefore = rows(t);
      try (AppendWriter w = t.newAppend()) {
        w.write(Record.of(w.schema(), w.schema().columns().stream().map(c -> c.name().equals("id") ? 9L : null)
            .toArray()));
        EvolutionResult winner = onOtherThread(() -> change.apply(Tables.open(t.location())));
        assertThat(winner.version()).isEqualTo(before + 1);
        assertThatThrownBy(w::commit).isInstanceOf(CommitConflictException.class)
            .hasMessageContaining("version " + (before + 1))
            .hasMessageContaining("other than adding optional columns");
      }
      assertThat(t.refresh().version()).isEqualTo(before + 1);
      assertThat(rows(t)).hasSameSizeAs(rowsBefore);
      append(t, Record.of(t.schema(), t.schema().columns().stream().map(c -> c.name().equals("id") ? 100L + before : null)
          .toArray()));
    }
  }

  @Test
  void aSchemaChangeConflictsWithAConcurrentSchemaChange() throws Exception {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA);
    TableContext ctx = (TableContext) t;
    TableState stale = ctx.latestState();
    onOtherThread(() -> Tables.open(t.location()).updateSchema().addColumn("a", Types.INT).commit());
    // a schema change that read the version before the winner
    TableContext reading = staleReader(ctx, stale);
    assertThatThrownBy(() -> new SchemaUpdate(reading).addColumn("b", Types.INT).commit())
        .isInstanceOf(CommitConflictException.class).hasMessageContaining("version 1 (SET SCHEMA)")
        .hasMessageContaining("this commit changes it too");
    assertThatThrownBy(() -> new SpecUpdate(reading).addField("id", Transforms.bucket(2)).commit())
        .isInstanceOf(CommitConflictException.class).hasMessageContaining("version 1 (SET SCHEMA)");
    assertThat(t.refresh().version()).isEqualTo(1);
    assertThat(SchemaDdl.format(t.schema())).isEqualTo("id long not null, name string, a int");
  }

  @Test
  void aSchemaChangeRebasesOverAConcurrentAppendUnlessItAddsARequiredColumn() throws Exception {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA);
    TableContext ctx = (TableContext) t;
    TableState empty = ctx.latestState();
    onOtherThread(() -> append(Tables.open(t.location()), Record.of(SCHEMA, 1L, "a")));
    TableContext stale = staleReader(ctx, empty);
    assertThatThrownBy(() -> new SchemaUpdate(stale).addRequiredColumn("k", Types.INT).commit())
        .isInstanceOf(CommitConflictException.class).hasMessageContaining("version 1 (WRITE)");
    assertThat(t.refresh().version()).isEqualTo(1);
    EvolutionResult r = new SchemaUpdate(stale).addColumn("k", Types.INT).renameColumn("name", "label").commit();
    assertThat(r.version()).isEqualTo(2);
    assertThat(rows(t)).containsExactly("id=1L, label=a, k=null");
    TableState beforeAppend = ctx.stateAt(2);
    onOtherThread(() -> append(Tables.open(t.location()), Record.of(t.schema(), 2L, "b", 5)));
    EvolutionResult s = new SpecUpdate(staleReader(ctx, beforeAppend)).addField("id", Transforms.bucket(2)).commit();
    assertThat(s.version()).isEqualTo(4);
    assertThat(rows(t)).containsExactly("id=1L, label=a, k=null", "id=2L, label=b, k=5");
    assertThat(s.metadata().schema()).isEqualTo(t.schema()); // reread: the spec change kept the rename
  }

  private static TableContext staleReader(TableContext ctx, TableState stale) {
    return StaleTables.readingAt(ctx, stale);
  }

  @Test
  void manyAppendersAndAColumnAdderRacing() throws Exception {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of("commit.retry.max-attempts", "200"));
    int appenders = 4;
    int appendsEach = 8;
    int columns = 5;
    CyclicBarrier start = new CyclicBarrier(appenders + 1);
    ExecutorService pool = Executors.newFixedThreadPool(appenders + 1);
    AtomicInteger ids = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int a = 0; a < appenders; a++) {
      futures.add(pool.submit(() -> {
        Table mine = Tables.open(t.location());
        start.await();
        for (int i = 0; i < appendsEach; i++) {
          try (AppendWriter w = mine.newAppend()) {
            Object[] values = new Object[w.schema().columns().size()];
            values[0] = (long) ids.incrementAndGet();
            w.write(Record.of(w.schema(), values));
            w.commit();
          }
        }
        return null;
      }));
    }
    futures.add(pool.submit(() -> {
      Table mine = Tables.open(t.location());
      start.await();
      for (int c = 0; c < columns; c++) {
        mine.updateSchema().addColumn("c" + c, Types.STRING).commit();
      }
      return null;
    }));
    pool.shutdown();
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS); // no append conflicts: every change only added optional columns
    }
    assertThat(t.refresh().version()).isEqualTo(appenders * appendsEach + columns);
    assertThat(t.schema().columns()).hasSize(2 + columns);
    List<Long> read = io.tidemark.core.TestTables.read(t.newScan().select("id")).stream()
        .map(r -> (Long) r.get("id")).sorted().toList();
    assertThat(read).hasSize(appenders * appendsEach).doesNotHaveDuplicates();
  }
}

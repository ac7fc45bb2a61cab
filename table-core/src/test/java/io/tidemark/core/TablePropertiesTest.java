package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.internal.commit.StaleTables;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.TableNotFoundException;
import io.tidemark.spec.types.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table properties: which keys a table may hold, and changing them as a commit. */
class TablePropertiesTest {
  @TempDir
  Path dir;

  private Table table() {
    return Tables.create(dir.resolve("t").toString(), SCHEMA);
  }

  @Test
  void setAndUnsetCommitOneMetadataOnlyVersionEachRecordedInHistory() {
    Table t = table();
    CommitResult set = t.updateProperties().set(TableProperties.COMPRESSION, "zstd").set("user.owner", "ana")
        .commit();
    assertThat(set.version()).isEqualTo(1);
    assertThat(set.filesAdded()).isZero();
    CommitResult unset = t.updateProperties().unset("user.owner").set(TableProperties.CHECKPOINT_INTERVAL, "7")
        .commit();
    assertThat(unset.version()).isEqualTo(2);

    assertThat(t.snapshot(1).metadata().properties())
        .isEqualTo(Map.of(TableProperties.COMPRESSION, "zstd", "user.owner", "ana"));
    assertThat(t.refresh().metadata().properties())
        .isEqualTo(Map.of(TableProperties.COMPRESSION, "zstd", TableProperties.CHECKPOINT_INTERVAL, "7"));
    assertThat(t.refresh().metadata().schema()).isEqualTo(SCHEMA);
    List<HistoryEntry> history = t.history();
    assertThat(history.get(1).operation()).isEqualTo("SET TBLPROPERTIES");
    assertThat(history.get(1).parameters())
        .isEqualTo(Map.of("set", "{\"user.owner\":\"ana\",\"write.parquet.compression\":\"zstd\"}"));
    assertThat(history.get(1).blindAppend()).isFalse();
    assertThat(history.get(2).parameters())
        .isEqualTo(Map.of("set", "{\"checkpoint.interval\":\"7\"}", "unset", "[\"user.owner\"]"));
  }

  @Test
  void aChangedPropertyTakesEffectAtTheNextCommit() {
    Table t = table();
    t.updateProperties().set(TableProperties.CHECKPOINT_INTERVAL, "3").commit(); // version 1
    append(t, rows(0, 2)); // version 2
    assertThat(Files.exists(dir.resolve("t/_log/00000000000000000003.checkpoint.json"))).isFalse();
    append(t, rows(2, 4)); // version 3: a checkpoint
    assertThat(Files.exists(dir.resolve("t/_log/00000000000000000003.checkpoint.json"))).isTrue();
    assertThat(t.updateProperties().apply()).containsEntry(TableProperties.CHECKPOINT_INTERVAL, "3");
  }

  @Test
  void anUnknownKeyIsRefusedNamingTheClosestKnownOne() {
    Table t = table();
    assertThatThrownBy(() -> t.updateProperties().set("checkpoint.intervall", "5"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown table property 'checkpoint.intervall'")
        .hasMessageContaining("did you mean 'checkpoint.interval'?")
        .hasMessageContaining("keys starting with 'user.' are free for applications");
    assertThatThrownBy(() -> t.updateProperties().set("compression", "zstd"))
        .hasMessageContaining("did you mean 'write.parquet.compression'?");
    assertThatThrownBy(() -> t.updateProperties().set("owner", "ana"))
        .hasMessageContaining("known properties are [checkpoint.interval,");
    assertThatThrownBy(() -> t.updateProperties().set("user.", "ana")).hasMessageContaining("needs a name");
    assertThat(t.refresh().version()).isZero();
  }

  @Test
  void valuesAreCheckedAsAtCreateAndARefusedChangeCommitsNothing() {
    Table t = table();
    Map<String, String> bad = Map.of(TableProperties.CHECKPOINT_INTERVAL, "-1",
        TableProperties.COMPRESSION, "brotli-ish",
        TableProperties.COMMIT_MAX_ATTEMPTS, "0",
        TableProperties.TARGET_FILE_SIZE, "big",
        TableProperties.LOG_RETENTION_ENABLED, "yes");
    bad.forEach((key, value) -> {
      assertThatThrownBy(() -> t.updateProperties().set("user.ok", "1").set(key, value).commit())
          .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(key);
      assertThatThrownBy(() -> Tables.create(dir.resolve("c-" + key).toString(), SCHEMA, Map.of(key, value)))
          .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(key);
    });
    assertThatThrownBy(() -> t.updateProperties().set(TableProperties.COMPRESSION, null))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("has no value");
    assertThat(t.refresh().version()).isZero();
    assertThat(t.refresh().metadata().properties()).isEmpty();
  }

  @Test
  void userKeysTakeAnyValue() {
    Table t = table();
    t.updateProperties().set("user.notes", "free text, = signs and all").commit();
    assertThat(t.refresh().metadata().properties()).containsEntry("user.notes", "free text, = signs and all");
  }

  @Test
  void unsettingAnAbsentKeyIsANoOpButAChangeOfNothingIsRefused() {
    Table t = Tables.create(dir.resolve("t").toString(), SCHEMA, Map.of(TableProperties.COMPRESSION, "zstd"));
    CommitResult r = t.updateProperties().unset(TableProperties.COMPRESSION).unset("user.never-set").commit();
    assertThat(r.version()).isEqualTo(1);
    assertThat(t.history().get(1).parameters()).isEqualTo(Map.of("unset", "[\"write.parquet.compression\"]"));
    assertThatThrownBy(() -> t.updateProperties().unset(TableProperties.COMPRESSION).commit())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("changes nothing: write.parquet.compression is not set");
    t.updateProperties().set("user.a", "1").commit();
    assertThatThrownBy(() -> t.updateProperties().set("user.a", "1").commit())
        .hasMessageContaining("changes nothing: user.a is '1' already");
    // a misspelt key is reported, not taken for a no-op
    assertThatThrownBy(() -> t.updateProperties().unset("write.parquet.compresion").commit())
        .hasMessageContaining("did you mean 'write.parquet.compression'?");
    assertThat(t.refresh().version()).isEqualTo(2);
  }

  @Test
  void keysAnotherImplementationWroteAreKeptAndCanBeUnset() {
    Table t = table();
    TableMetadata m = t.refresh().metadata();
    Map<String, String> foreign = new HashMap<>(m.properties());
    foreign.put("other.engine.flag", "on");
    TestTables.writeCommit(t, new Metadata(m.tableId(), m.schemaId(), m.schema(), m.lastColumnId(),
        m.partitionSpecs(), m.defaultSpecId(), m.lastPartitionId(), foreign, m.createdAt().toEpochMilli()));
    t.updateProperties().set("user.a", "1").commit();
    assertThat(t.refresh().metadata().properties()).isEqualTo(Map.of("other.engine.flag", "on", "user.a", "1"));
    t.updateProperties().unset("other.engine.flag").commit();
    assertThat(t.refresh().metadata().properties()).isEqualTo(Map.of("user.a", "1"));
  }

  @Test
  void createRefusesAnUnknownKeyAndCreatesNothing() {
    String location = dir.resolve("t").toString();
    assertThatThrownBy(() -> Tables.create(location, SCHEMA, Map.of("write.target-file-size", "1024")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown table property 'write.target-file-size'")
        .hasMessageContaining("did you mean 'write.target-file-size-bytes'?");
    assertThatThrownBy(() -> Tables.open(location)).isInstanceOf(TableNotFoundException.class);
    Table t = Tables.create(location, SCHEMA, Map.of(TableProperties.TARGET_FILE_SIZE, "1024", "user.team", "x"));
    assertThat(t.refresh().metadata().properties()).hasSize(2);
  }

  @Test
  void aPropertyChangeRebasesOverAConcurrentAppend() {
    Table t = table();
    TableContext ctx = (TableContext) t;
    TableState before = ctx.latestState();
    append(Tables.open(t.location()), rows(0, 3)); // version 1 wins the race
    CommitResult r = new PropertiesUpdate(StaleTables.readingAt(ctx, before))
        .set(TableProperties.COMPRESSION, "zstd").commit();
    assertThat(r.version()).isEqualTo(2);
    assertThat(TestTables.read(t.newScan())).hasSize(3);
    assertThat(t.refresh().metadata().properties()).containsEntry(TableProperties.COMPRESSION, "zstd");
  }

  @Test
  void anAppendRebasesOverAConcurrentPropertyChange() {
    Table t = table();
    append(t, rows(0, 1));
    try (AppendWriter w = t.newAppend()) { // reads version 1
      w.writeAll(rows(1, 3));
      Tables.open(t.location()).updateProperties().set(TableProperties.COMPRESSION, "zstd").commit(); // 2
      assertThat(w.commit().version()).isEqualTo(3);
    }
    assertThat(TestTables.read(t.newScan())).hasSize(3);
    assertThat(t.refresh().metadata().properties()).containsEntry(TableProperties.COMPRESSION, "zstd");
  }

  @Test
  void aPropertyChangeConflictsWithAConcurrentMetadataChange() {
    Table t = table();
    TableContext ctx = (TableContext) t;
    TableState before = ctx.latestState();
    Tables.open(t.location()).updateProperties().set("user.a", "1").commit(); // version 1
    assertThatThrownBy(() -> new PropertiesUpdate(StaleTables.readingAt(ctx, before)).set("user.b", "2").commit())
        .isInstanceOf(CommitConflictException.class).hasMessageContaining("version 1 (SET TBLPROPERTIES)");
    TableState atOne = ctx.latestState();
    Tables.open(t.location()).updateSchema().addColumn("extra", Types.INT).commit(); // version 2
    assertThatThrownBy(() -> new PropertiesUpdate(StaleTables.readingAt(ctx, atOne)).set("user.b", "2").commit())
        .isInstanceOf(CommitConflictException.class).hasMessageContaining("version 2 (SET SCHEMA)");
    assertThat(t.refresh().version()).isEqualTo(2);
    assertThat(t.refresh().metadata().properties()).isEqualTo(Map.of("user.a", "1"));
  }
}

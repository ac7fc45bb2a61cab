package io.tidemark.core.internal.ops;

import static io.tidemark.core.internal.ops.OpsFixtures.vacuumFromTheFuture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Overwrite;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.TestStorage;
import io.tidemark.core.TestTables;
import io.tidemark.core.Vacuum;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Canary files outside a table survive every operation on it, on every storage: files of a sibling
 * whose name starts with the table's, files beside it, and files a decoded {@code %2F} would reach.
 */
public abstract class TableBoundarySuite {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, key string");

  /** The storage this run of the suite uses. */
  protected abstract TestStorage storage();

  private void write(String location, String content) {
    try {
      assertThat(storage().io().createExclusive(location, content.getBytes(StandardCharsets.UTF_8))).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read(String location) {
    try {
      return new String(storage().io().readIfExists(location).orElseThrow(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Table table, List<Record> rows) {
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(rows);
      w.commit();
    }
  }

  private static Set<Long> ids(Table table) {
    return TestTables.read(table.newScan()).stream().map(r -> (Long) r.get("id"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void canariesBesideTheTableSurviveEveryOperation() {
    String location = storage().newLocation("t");
    List<String> canaries = new ArrayList<>();
    // a sibling sharing the table's name as a prefix, a folder beside it, and what ..%2F would decode to
    for (String canary : List.of(location + "-sibling/data/old.parquet", location + "2/data/key=a/x.parquet",
        location + "-sibling/_log/00000000000000000001.json", storage().newLocation("outside") + "/x.parquet",
        location + "_manifests/m.parquet")) {
      write(canary, "canary");
      canaries.add(canary);
    }
    Table table = Tables.create(storage().io(), location, SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("key")
        .build(), Map.of(TableProperties.CHECKPOINT_INTERVAL, "2", Vacuum.LOG_RETENTION_ENABLED, "true"));
    append(table, List.of(Record.of(SCHEMA, 1L, "a"), Record.of(SCHEMA, 2L, "a/../../b")));
    append(table, List.of(Record.of(SCHEMA, 3L, "a"), Record.of(SCHEMA, 4L, "%2F..%2F")));
    table.newDelete().where("id = 3").commit();
    try (Overwrite o = table.newOverwrite().where("key = '%2F..%2F'")) {
      o.writeAll(List.of(Record.of(SCHEMA, 5L, "%2F..%2F")));
      o.commit();
    }
    table.compact().targetFileSizeBytes(64 << 20).commit();
    table.restore().toVersion(3).commit();
    table.checkpoint();
    table.vacuum().execute();
    vacuumFromTheFuture(table, Duration.ofDays(8)).retain(Vacuum.DEFAULT_RETENTION).execute();
    vacuumFromTheFuture(table, Duration.ofDays(8)).retain(Duration.ZERO).execute();
    for (String canary : canaries) {
      assertThat(read(canary)).as(canary).isEqualTo("canary");
    }
    assertThat(ids(Tables.open(storage().io(), location))).containsExactly(1L, 2L, 4L);
    for (String canary : canaries) {
      try {
        storage().io().delete(canary);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void aLoggedPathThatADecodingStorageWouldLeadOutOfTheTableIsNeverRead() throws IOException {
    String location = storage().newLocation("t");
    Table table = Tables.create(storage().io(), location, SCHEMA, Map.of());
    append(table, List.of(Record.of(SCHEMA, 1L, "a")));
    String original = table.refresh().dataFiles().iterator().next().path();
    String outside = storage().newLocation("outside") + "/x.parquet";
    byte[] data = storage().io().readIfExists(location + "/" + original).orElseThrow();
    assertThat(storage().io().createExclusive(outside, data)).isTrue();
    storage().io().delete(location + "/" + original);
    String commit = location + "/" + LogFiles.commitPath(1);
    String doctored = read(commit).replace(original, "data/..%2F..%2Foutside%2Fx.parquet");
    storage().io().delete(commit);
    write(commit, doctored);
    assertThatThrownBy(() -> TestTables.read(Tables.open(storage().io(), location).newScan()))
        .isInstanceOf(TidemarkException.class);
    vacuumFromTheFuture(Tables.open(storage().io(), location), Duration.ofDays(8)).retain(Duration.ZERO).execute();
    assertThat(storage().io().readIfExists(outside)).isPresent();
    storage().io().delete(outside);
  }
}

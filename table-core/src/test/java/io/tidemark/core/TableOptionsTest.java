package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table options: checked keys and values, per table object, and who closes the storage. */
class TableOptionsTest {
  @TempDir
  Path dir;

  @Test
  void anUnknownKeyIsRefusedNamingItAndTheClosestKnownKey() {
    assertThatThrownBy(() -> TableOptions.of(Map.of("cache.commit.bytes", "1024")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown table option 'cache.commit.bytes'")
        .hasMessageContaining("did you mean 'cache.commits.bytes'?");
    assertThatThrownBy(() -> TableOptions.defaults().with("colour", "blue"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'colour'").hasMessageContaining("known options are cache.commits.bytes");
  }

  @Test
  void aStorageOptionWithoutItsStorageModuleIsRefusedWithAHintToAddIt() {
    // table-core's tests run without table-s3 on the classpath
    assertThatThrownBy(() -> TableOptions.of(Map.of("s3.endpoint", "http://localhost:9000")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'s3.endpoint'").hasMessageContaining("table-s3");
  }

  @Test
  void aCacheSizeThatIsNotAWholeNumberIsRefused() {
    assertThatThrownBy(() -> TableOptions.of(Map.of(TableOptions.MANIFEST_CACHE_BYTES, "lots")))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(TableOptions.MANIFEST_CACHE_BYTES)
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> TableOptions.of(Map.of(TableOptions.SNAPSHOT_CACHE_FILES, "-1")))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void tablesWithDifferentCacheSizesWorkSideBySide() {
    String location = dir.resolve("t").toString();
    TableOptions none = TableOptions.of(Map.of(TableOptions.COMMIT_CACHE_BYTES, "0",
        TableOptions.MANIFEST_CACHE_BYTES, "0", TableOptions.SNAPSHOT_CACHE_FILES, "0"));
    try (Table small = Tables.create(location, SCHEMA, PartitionSpec.unpartitioned(),
        Map.of(TableProperties.CHECKPOINT_INTERVAL, "2"), none);
        Table large = Tables.open(location, TableOptions.defaults().with(TableOptions.COMMIT_CACHE_BYTES, "1000000"))) {
      for (int i = 0; i < 5; i++) {
        append(i % 2 == 0 ? small : large, rows(i * 10L, i * 10L + 10));
      }
      assertThat(read(small.newScan().asOfVersion(3))).containsExactlyInAnyOrderElementsOf(rows(0, 30));
      assertThat(read(large.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 50));
      assertThat(small.history()).hasSize(6);
    }
  }

  @Test
  void closingATableLeavesAFileIoTheCallerPassedInOpen() {
    AtomicInteger closed = new AtomicInteger();
    ForwardingFileIO io = new ForwardingFileIO(new LocalFileIO()) {
      @Override
      public void close() {
        closed.incrementAndGet();
      }
    };
    String location = dir.resolve("t").toString();
    Tables.create(io, location, SCHEMA, Map.of()).close();
    try (Table table = Tables.open(io, location, TableOptions.defaults())) {
      append(table, rows(0, 3));
    }
    assertThat(closed).hasValue(0);
    try (Table again = Tables.open(io, location)) {
      assertThat(read(again.newScan())).hasSize(3);
    }
  }
}

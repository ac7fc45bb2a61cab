package io.tidemark.core.io;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopFileIOTest {
  @TempDir
  Path dir;

  @Test
  void aTableOnAHadoopFileUriAppendsReadsAndTimeTravels() {
    HadoopFileIO io = new HadoopFileIO(new Configuration());
    String location = dir.resolve("t").toUri().toString();
    Table table = Tables.create(io, location, SCHEMA, Map.of());
    append(table, rows(0, 10));
    append(table, rows(10, 12));
    Table reopened = Tables.open(new HadoopFileIO(new Configuration()), location);
    assertThat(reopened.refresh().version()).isEqualTo(2);
    assertThat(read(reopened.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 12));
    assertThat(read(reopened.newScan().asOfVersion(1))).containsExactlyInAnyOrderElementsOf(rows(0, 10));
    // the same table read through plain local paths: the format does not depend on the storage
    assertThat(read(Tables.open(dir.resolve("t").toString()).newScan())).hasSize(12);
  }

  @Test
  void exclusiveCreateOnTheHadoopLocalFileSystemRefusesAnExistingFile() throws Exception {
    HadoopFileIO io = new HadoopFileIO(new Configuration());
    String target = dir.resolve("log/0.json").toUri().toString();
    assertThat(io.createExclusive(target, new byte[] {1})).isTrue();
    assertThat(io.createExclusive(target, new byte[] {2})).isFalse();
    assertThat(io.readIfExists(target)).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
    assertThat(io.list(dir.resolve("log").toUri() + "/", null)).extracting(FileEntry::name).containsExactly("0.json");
  }

  @Test
  void stagedContentOnTheHadoopLocalFileSystemIsTriedAtATakenNameReplacedThenPublishedAtAFreeOne() throws Exception {
    HadoopFileIO io = new HadoopFileIO(new Configuration());
    String taken = dir.resolve("log/1.json").toUri().toString();
    assertThat(io.createExclusive(taken, new byte[] {1})).isTrue();
    try (StagedFile staged = io.stage(taken, new byte[] {2, 3})) {
      assertThat(staged.publish(taken)).isFalse();
      assertThat(staged.replace(new byte[] {4, 5, 6})).isTrue();
      assertThat(staged.publish(dir.resolve("log/2.json").toUri().toString())).isTrue();
    }
    assertThat(java.nio.file.Files.readAllBytes(dir.resolve("log/1.json"))).containsExactly(1);
    assertThat(java.nio.file.Files.readAllBytes(dir.resolve("log/2.json"))).containsExactly(4, 5, 6);
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir.resolve("log"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("1.json", "2.json");
    }
  }
}

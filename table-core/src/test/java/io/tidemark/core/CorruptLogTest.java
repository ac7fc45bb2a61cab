package io.tidemark.core;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.json.CommitCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptLogTest {
  @TempDir
  Path dir;
  String location;

  @BeforeEach
  void threeCommits() {
    location = dir.resolve("t").toString();
    Table table = Tables.create(location, SCHEMA);
    append(table, rows(0, 3));
    append(table, rows(3, 6));
  }

  private Path commitFile(long version) {
    return dir.resolve("t").resolve(LogFiles.commitPath(version));
  }

  @Test
  void aTornCommitFileIsACorruptLogErrorNamingFileAndLine() throws Exception {
    byte[] bytes = Files.readAllBytes(commitFile(2));
    Files.write(commitFile(2), java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> Tables.open(location).refresh())
        .isInstanceOfSatisfying(CorruptLogException.class, e -> {
          assertThat(e.file()).isEqualTo("_log/00000000000000000002.json");
          assertThat(e.line()).isEqualTo(2);
        })
        .hasMessageContaining("_log/00000000000000000002.json line 2");
  }

  @Test
  void aCommitTruncatedAtALineBoundaryIsDetectedByItsActionCount() throws Exception {
    List<String> lines = Files.readAllLines(commitFile(0), StandardCharsets.UTF_8);
    Files.writeString(commitFile(0), lines.get(0) + "\n" + lines.get(1) + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Tables.open(location).refresh()).isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("00000000000000000000.json").hasMessageContaining("actionCount");
  }

  @Test
  void aLineThatIsNotJsonNamesItsLine() throws Exception {
    List<String> lines = Files.readAllLines(commitFile(1), StandardCharsets.UTF_8);
    Files.writeString(commitFile(1), lines.get(0) + "\n{\"add\": {oops\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Tables.open(location).refresh())
        .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aCommitMissingFromTheMiddleOfTheLogIsNamed() throws Exception {
    Files.delete(commitFile(1));
    assertThatThrownBy(() -> Tables.open(location).refresh())
        .isInstanceOfSatisfying(CorruptLogException.class,
            e -> assertThat(e.file()).isEqualTo("_log/00000000000000000001.json"))
        .hasMessageContaining("missing");
  }

  @Test
  void aTableNeedingAnUnknownReaderFeatureIsRefusedNamingIt() throws Exception {
    writeProtocolCommit(new Protocol(1, 1, Set.of("variantType"), Set.of()));
    assertThatThrownBy(() -> Tables.open(location).refresh()).isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("variantType");
  }

  @Test
  void aTableNeedingANewerReaderVersionIsRefusedNamingIt() throws Exception {
    writeProtocolCommit(new Protocol(7, 7, Set.of(), Set.of()));
    assertThatThrownBy(() -> Tables.open(location).refresh()).isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("reader version 7");
  }

  @Test
  void aTableNeedingAnUnknownWriterFeatureCanBeReadButNotWritten() throws Exception {
    writeProtocolCommit(new Protocol(1, 2, Set.of(), Set.of("checkConstraints")));
    Table table = Tables.open(location);
    assertThat(TestTables.read(table.newScan())).hasSize(6);
    assertThatThrownBy(table::newAppend).isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("writer version 2");
  }

  @Test
  void temporaryAndUnrelatedFilesInTheLogAreIgnored() throws Exception {
    Files.writeString(dir.resolve("t/_log/.00000000000000000003.json.abc.tmp"), "partial");
    Files.writeString(dir.resolve("t/_log/notes.txt"), "hello");
    assertThat(Tables.open(location).currentSnapshot().version()).isEqualTo(2);
  }

  private void writeProtocolCommit(Protocol protocol) throws Exception {
    CommitInfo info = new CommitInfo(System.currentTimeMillis() + 10, "UPGRADE PROTOCOL", Map.of(), 2L,
        "WriteSerializable", false, "test-txn", Map.of(), "test", 1);
    byte[] bytes = CommitCodec.encode(List.<Action>of(info, protocol));
    assertThat(new LocalFileIO().createExclusive(commitFile(3).toString(), bytes)).isTrue();
  }
}

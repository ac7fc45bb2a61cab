package io.tidemark.core.internal.snapshot;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.json.CommitCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §10.1: an {@code add} of a live path replaces the live entry; the file is never listed twice. */
class ReAddedFileTest {
  @TempDir
  Path dir;

  @Test
  void anAddOfAFileLiveInTheCheckpointReplacesItInsteadOfReadingItTwice() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = Tables.create(location, SCHEMA);
    append(table, rows(0, 3));
    append(table, rows(3, 5));
    table.checkpoint();
    AddFile first = ((TableContext) table).stateAt(1).dataFiles().iterator().next();
    CommitInfo info = new CommitInfo(System.currentTimeMillis() + 10, "WRITE", Map.of(), 2L, "WriteSerializable",
        true, "re-add", Map.of(), "test", 1);
    byte[] commit = CommitCodec.encode(List.<Action>of(info, first));
    assertThat(new LocalFileIO().createExclusive(dir.resolve("t").resolve(LogFiles.commitPath(3)).toString(),
        commit)).isTrue();

    Table reopened = Tables.open(location);

    assertThat(reopened.currentSnapshot().version()).isEqualTo(3);
    assertThat(reopened.currentSnapshot().dataFiles()).hasSize(2);
    assertThat(reopened.currentSnapshot().recordCount()).isEqualTo(5);
    assertThat(read(reopened.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 5));
  }
}

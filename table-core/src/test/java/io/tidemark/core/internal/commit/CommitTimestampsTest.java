package io.tidemark.core.internal.commit;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.json.CommitCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-commit timestamps stay in their range: readers refuse others, writers never make one. */
class CommitTimestampsTest {
  @TempDir
  Path dir;
  Table table;

  @BeforeEach
  void table() {
    table = Tables.create(dir.resolve("t").toString(), SCHEMA);
    append(table, rows(0, 3));
  }

  /** Writes commit 2 stamped with a timestamp as text (so that out-of-range ones can be written). */
  private void writeCommitStamped(String timestamp) throws Exception {
    CommitInfo info = new CommitInfo(1_000L, "TEST", Map.of(), 1L, "WriteSerializable", false, "t-2", Map.of(),
        "test", 0);
    String line = new String(CommitCodec.encode(List.<Action>of(info)), StandardCharsets.UTF_8)
        .replace("\"timestamp\":1000", "\"timestamp\":" + timestamp);
    Files.writeString(dir.resolve("t").resolve(LogFiles.commitPath(2)), line);
  }

  @Test
  void aCommitStampedAtLongMaxValueIsACorruptLogNotANextTimestampThatGoesBackwards() throws Exception {
    writeCommitStamped(Long.toString(Long.MAX_VALUE));

    assertThatThrownBy(() -> Tables.open(dir.resolve("t").toString()).refresh())
        .isInstanceOfSatisfying(CorruptLogException.class, e -> {
          assertThat(e.file()).isEqualTo("_log/00000000000000000002.json");
          assertThat(e.line()).isEqualTo(1);
        })
        .hasMessageContaining("outside the range");
  }

  @Test
  void noCommitFollowsOneStampedAtTheLastInstantAndNothingIsCommitted() throws Exception {
    writeCommitStamped(Long.toString(CommitInfo.MAX_TIMESTAMP));
    Table reopened = Tables.open(dir.resolve("t").toString());
    assertThat(reopened.currentSnapshot().version()).isEqualTo(2);

    assertThatThrownBy(() -> append(reopened, rows(3, 6))).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("in-commit timestamps end at 9999-12-31T23:59:59.999Z");
    assertThat(Tables.open(dir.resolve("t").toString()).currentSnapshot().version()).isEqualTo(2);
  }

  @Test
  void aCommitAfterOneStampedInTheFutureFollowsIt() throws Exception {
    long future = System.currentTimeMillis() + 86_400_000L * 365;
    writeCommitStamped(Long.toString(future));
    Table reopened = Tables.open(dir.resolve("t").toString());

    assertThat(append(reopened, rows(3, 6)).timestamp().toEpochMilli()).isEqualTo(future + 1);
  }
}

package io.tidemark.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.io.CountingFileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.json.CommitCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionLogTest {
  @TempDir
  Path dir;

  @Test
  void refreshingAFewVersionsBehindReadsTheNewCommitsOneByOneWithoutListing() throws Exception {
    CountingFileIO io = new CountingFileIO();
    TransactionLog log = logWithCommits(io, 4);
    io.reset();
    assertThat(log.refreshLatest(0)).isEqualTo(3);
    assertThat(io.reads("commit")).as("versions 1..3 and a probe of 4").isEqualTo(4);
    assertThat(io.reads("list")).isZero();
  }

  @Test
  void refreshingFarBehindListsTheLogAfterAFewReads() throws Exception {
    CountingFileIO io = new CountingFileIO();
    TransactionLog log = logWithCommits(io, TransactionLog.REFRESH_PROBES + 10);
    io.reset();
    assertThat(log.refreshLatest(0)).isEqualTo(TransactionLog.REFRESH_PROBES + 9);
    assertThat(io.reads("commit")).isEqualTo(TransactionLog.REFRESH_PROBES);
    assertThat(io.reads("list")).isEqualTo(1);
  }

  @Test
  void refreshingAnUpToDateLogCostsOneRead() throws Exception {
    CountingFileIO io = new CountingFileIO();
    TransactionLog log = logWithCommits(io, 3);
    io.reset();
    assertThat(log.refreshLatest(2)).isEqualTo(2);
    assertThat(io.reads("commit")).isEqualTo(1);
    assertThat(io.reads("list")).isZero();
  }

  /** A log of commits 0..count-1 holding only their commit info (enough for the log itself). */
  private TransactionLog logWithCommits(CountingFileIO io, int count) throws Exception {
    String location = dir.resolve("t").toString();
    LocalFileIO local = new LocalFileIO();
    for (int v = 0; v < count; v++) {
      CommitInfo info = new CommitInfo(1_700_000_000_000L + v, "WRITE", Map.of(), v == 0 ? null : (long) v - 1,
          "WriteSerializable", true, UUID.randomUUID().toString(), Map.of(), "test", 0);
      assertThat(local.createExclusive(location + "/" + LogFiles.commitPath(v), CommitCodec.encode(List.<Action>of(info))))
          .isTrue();
    }
    return new TransactionLog(io, location, 1 << 20);
  }
}

package io.tidemark.core.internal.commit;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.io.FileIOs;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.StagedFile;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.json.CommitCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit that loses a race retries with the commit file it staged, unless a winner's timestamp forbids it. */
class StagedCommitTest {
  @TempDir
  Path dir;
  RivalFileIO io;
  Table table;
  String location;

  @BeforeEach
  void table() {
    io = new RivalFileIO();
    location = dir.resolve("t").toString();
    table = Tables.create(io, location, SCHEMA, Map.of());
  }

  @Test
  void aCommitThatLosesToAnEarlierTimestampRetriesWithTheSameStagedFile() throws Exception {
    long created = table.history().get(0).timestamp().toEpochMilli();
    Thread.sleep(5); // the rivals' timestamps (created + 1, + 2) must precede ours
    io.rivalTimestamp = created + 1;
    io.rivals.set(2);
    CommitResult result = append(table, rows(0, 10));
    assertThat(result.version()).isEqualTo(3);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(io.stages.get()).as("commit files staged").isEqualTo(1);
    assertThat(io.replacements.get()).isZero();
    assertStrictlyIncreasingTimestamps();
    assertThat(read(Tables.open(location).newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 10));
    assertThat(hiddenLogFiles()).isEmpty();
  }

  @Test
  void aCommitThatLosesToALaterTimestampReplacesItsStagedContentAndFollowsIt() throws Exception {
    long later = System.currentTimeMillis() + 3_600_000;
    io.rivalTimestamp = later;
    io.rivals.set(1);
    CommitResult result = append(table, rows(0, 10));
    assertThat(result.version()).isEqualTo(2);
    assertThat(io.stages.get()).as("commit files staged").isEqualTo(1);
    assertThat(io.replacements.get()).as("staged content replaced in place").isEqualTo(1);
    assertThat(result.timestamp().toEpochMilli()).isEqualTo(later + 1);
    assertStrictlyIncreasingTimestamps();
    assertThat(read(Tables.open(location).newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 10));
    assertThat(hiddenLogFiles()).as("the first staged copy is removed").isEmpty();
  }

  @Test
  void aRetriedCommitStampsItsRemovesAndTxnWithTheTimestampOfTheAttemptThatWon() {
    append(table, rows(0, 10));
    long later = System.currentTimeMillis() + 3_600_000;
    io.rivalTimestamp = later;
    io.rivals.set(1);
    long version = table.newDelete().where("id < 5").commit().version();
    Commit delete = ((TableContext) table).log().read(version);
    assertThat(delete.info().timestamp()).isEqualTo(later + 1);
    assertThat(delete.removes()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.deletionTimestamp()).isEqualTo(later + 1));

    io.rivalTimestamp = later + 1000;
    io.rivals.set(1);
    try (AppendWriter w = table.newAppend().applicationTransaction("job", 1)) {
      w.writeAll(rows(20, 30));
      w.commit();
    }
    Commit append = ((TableContext) table).log().read(version + 2);
    assertThat(append.txns()).singleElement()
        .satisfies(t -> assertThat(t.lastUpdated()).isEqualTo(append.info().timestamp()).isEqualTo(later + 1001));
  }

  @Test
  void aCommitOvertakenWhileItWroteItsFilesCatchesUpAndTakesTheNextFreeVersionAtOnce() {
    Table rival = Tables.open(location);
    try (AppendWriter w = table.newAppend()) {
      w.writeAll(rows(0, 10));
      for (int i = 0; i < 3; i++) {
        append(rival, rows(100 + 10 * i, 110 + 10 * i));
      }
      int stagedByRivals = io.stages.get();
      CommitResult result = w.commit();
      assertThat(result.version()).isEqualTo(4);
      assertThat(result.attempts()).as("no attempt spent on a version already taken").isEqualTo(1);
      assertThat(io.stages.get() - stagedByRivals).isEqualTo(1);
      assertThat(io.replacements.get()).as("its timestamp already follows the rivals'").isZero();
    }
    assertStrictlyIncreasingTimestamps();
    assertThat(read(Tables.open(location).newScan())).hasSize(40);
  }

  private void assertStrictlyIncreasingTimestamps() {
    List<HistoryEntry> history = Tables.open(location).history();
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i - 1).timestamp()).isBefore(history.get(i).timestamp());
    }
  }

  private List<Path> hiddenLogFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("t/_log"))) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  /** Local storage where a rival commit takes the version a staged commit is about to publish. */
  static final class RivalFileIO extends ForwardingFileIO {
    final AtomicInteger stages = new AtomicInteger();
    final AtomicInteger replacements = new AtomicInteger();
    final AtomicInteger rivals = new AtomicInteger();
    /** The timestamp of the next rival commit; each rival takes the next millisecond. */
    volatile long rivalTimestamp;

    RivalFileIO() {
      super(new LocalFileIO());
    }

    @Override
    public StagedFile stage(String nearLocation, byte[] content) throws IOException {
      stages.incrementAndGet();
      StagedFile staged = FileIOs.stage(delegate(), nearLocation, content);
      return new StagedFile() {
        @Override
        public boolean publish(String target) throws IOException {
          if (rivals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            CommitInfo info = new CommitInfo(rivalTimestamp++, "WRITE", Map.of("mode", "Append"), null,
                PendingCommit.WRITE_SERIALIZABLE, true, UUID.randomUUID().toString(), Map.of(), "rival", 0);
            delegate().createExclusive(target, CommitCodec.encode(List.<Action>of(info)));
          }
          return staged.publish(target);
        }

        @Override
        public boolean replace(byte[] content) throws IOException {
          boolean replaced = staged.replace(content);
          if (replaced) {
            replacements.incrementAndGet();
          }
          return replaced;
        }

        @Override
        public void close() throws IOException {
          staged.close();
        }
      };
    }
  }
}

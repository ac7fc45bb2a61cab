package io.tidemark.spec.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.Samples;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ActionsTest {
  @Test
  void eachActionNamesItsJsonKey() {
    assertThat(Samples.everyAction()).extracting(Action::actionName)
        .containsExactly("commitInfo", "protocol", "metadata", "txn", "remove", "add");
  }

  @Test
  void currentProtocolIsReaderOneWriterOneWithoutFeatures() {
    Protocol p = Protocol.current();

    assertThat(p.minReaderVersion()).isEqualTo(1).isEqualTo(Protocol.READER_VERSION);
    assertThat(p.minWriterVersion()).isEqualTo(1).isEqualTo(Protocol.WRITER_VERSION);
    assertThat(p.readerFeatures()).isEmpty();
    assertThat(p.writerFeatures()).isEmpty();
  }

  @Test
  void protocolFeatureSetsAreSortedAndImmutable() {
    Protocol p = new Protocol(1, 1, Set.of("c", "a", "b"), Set.of());

    assertThat(p.readerFeatures()).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> p.readerFeatures().add("d")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void txnRejectsABlankAppId() {
    assertThatThrownBy(() -> new Txn(" ", 1L, null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("application transaction id must not be empty");
    assertThatThrownBy(() -> new Txn(null, 1L, null)).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void commitInfoRequiresOperationAndTxnId() {
    assertThatThrownBy(() -> new CommitInfo(1L, null, Map.of(), null, "Serializable", false, "t", Map.of(), null, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("operation");
    assertThatThrownBy(() -> new CommitInfo(1L, "WRITE", Map.of(), null, "Serializable", false, null, Map.of(),
        null, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("txnId");
  }

  @Test
  void theNextInCommitTimestampIsTheClockOrOneAfterThePreviousWhicheverIsLater() {
    assertThat(CommitInfo.nextTimestamp(5_000L, 1_000L)).isEqualTo(5_000L);
    assertThat(CommitInfo.nextTimestamp(1_000L, 5_000L)).isEqualTo(5_001L);
    assertThat(CommitInfo.nextTimestamp(-7L, 0L)).isEqualTo(1L);
  }

  @Test
  void noTimestampFollowsTheLastOneAndNoneFollowsOneOutOfRange() {
    assertThatThrownBy(() -> CommitInfo.nextTimestamp(1_000L, CommitInfo.MAX_TIMESTAMP))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("9999-12-31T23:59:59.999Z");
    assertThatThrownBy(() -> CommitInfo.nextTimestamp(1_000L, Long.MAX_VALUE))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("outside the range");
    assertThatThrownBy(() -> CommitInfo.nextTimestamp(CommitInfo.MAX_TIMESTAMP + 1, 1_000L))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void commitInfoRefusesATimestampOutsideTheRange() {
    assertThatThrownBy(() -> new CommitInfo(Long.MAX_VALUE, "WRITE", Map.of(), null, "Serializable", false, "t",
        Map.of(), null, 0)).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> new CommitInfo(-1L, "WRITE", Map.of(), null, "Serializable", false, "t",
        Map.of(), null, 0)).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void commitInfoCopiesAndSortsItsMaps() {
    Map<String, Long> metrics = new HashMap<>();
    metrics.put("numOutputRows", 3L);
    metrics.put("numFiles", 1L);
    CommitInfo info = new CommitInfo(1L, "WRITE", Map.of("mode", "Append"), 0L, "WriteSerializable", true, "t",
        metrics, null, 0);
    metrics.put("numOutputBytes", 9L);

    assertThat(info.operationMetrics().keySet()).containsExactly("numFiles", "numOutputRows");
    assertThatThrownBy(() -> info.operationParameters().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void addFileCopiesItsMapsKeepingPartitionOrderAndSortingStatsById() {
    Map<String, Object> partition = new LinkedHashMap<>();
    partition.put("z", 1L);
    partition.put("a", null);
    Map<Integer, ColumnStats> stats = new HashMap<>();
    stats.put(10, new ColumnStats(0, null, 1L, 2L));
    stats.put(2, new ColumnStats(0, null, 1L, 2L));
    AddFile add = new AddFile("data/a.parquet", partition, 0, 1, 1, stats, true);
    partition.put("later", 3L);

    assertThat(add.partitionValues().keySet()).containsExactly("z", "a");
    assertThat(add.stats().keySet()).containsExactly(2, 10);
    assertThat(add.stats()).isInstanceOf(Map.class);
    assertThatThrownBy(() -> add.stats().put(3, null)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(new TreeMap<>(add.stats())).isEqualTo(add.stats());
  }
}

package io.tidemark.spec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidemark.spec.Samples;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.CorruptLogException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTimestampRangeTest {
  private static Checkpoint at(long timestamp) {
    return new Checkpoint(5, timestamp, new Protocol(1, 1, Set.of(), Set.of()), Samples.metadata(), List.of(),
        List.of());
  }

  @ParameterizedTest
  @ValueSource(longs = {Long.MAX_VALUE, -1L})
  void aCheckpointWhoseTimestampIsOutsideTheInCommitRangeIsDamaged(long timestamp) {
    byte[] bytes = CheckpointCodec.encode(at(timestamp));

    CorruptLogException e = assertThrows(CorruptLogException.class, () -> CheckpointCodec.decode("cp", bytes));

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("timestamp " + timestamp);
  }

  @ParameterizedTest
  @ValueSource(longs = {CommitInfo.MIN_TIMESTAMP, CommitInfo.MAX_TIMESTAMP})
  void aCheckpointAtEitherEndOfTheRangeReads(long timestamp) {
    assertThat(CheckpointCodec.decode("cp", CheckpointCodec.encode(at(timestamp))).timestamp()).isEqualTo(timestamp);
  }
}

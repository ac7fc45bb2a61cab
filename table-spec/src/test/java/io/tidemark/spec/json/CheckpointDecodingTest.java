package io.tidemark.spec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidemark.spec.Samples;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.error.CorruptLogException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointDecodingTest {
  private static final String FILE = "_log/00000000000000000010.checkpoint.json";
  private static final Checkpoint CHECKPOINT = new Checkpoint(10, 1_700_000_000_000L, Protocol.current(),
      Samples.metadata(), List.of(new Txn("app", 3L, null)),
      List.of(new ManifestEntry("_manifests/m.parquet", 100, 0, 2, 7, Map.of(), Map.of())));

  private static CorruptLogException corrupt(byte[] content) {
    return assertThrows(CorruptLogException.class, () -> CheckpointCodec.decode(FILE, content));
  }

  @Test
  void aCheckpointDecodesToWhatWasEncoded() {
    assertThat(CheckpointCodec.decode(FILE, CheckpointCodec.encode(CHECKPOINT))).isEqualTo(CHECKPOINT);
  }

  @Test
  void aCheckpointOfOnlyANewlineIsCorruptNotAnIndexError() {
    assertThat(corrupt("\n".getBytes(UTF_8)).line()).isEqualTo(1);
  }

  @Test
  void bytesThatAreNotUtf8AreCorruptNamingTheirLineInsteadOfBecomingReplacementCharacters() {
    byte[] good = CheckpointCodec.encode(CHECKPOINT);
    String text = new String(good, UTF_8);
    int at = text.indexOf("_manifests/") + "_manifests/".length();
    byte[] bad = new byte[good.length + 1];
    System.arraycopy(good, 0, bad, 0, at);
    bad[at] = (byte) 0xFF;
    System.arraycopy(good, at, bad, at + 1, good.length - at);

    CorruptLogException e = corrupt(bad);

    assertThat(e.line()).isEqualTo((int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1);
    assertThat(e.getMessage()).contains("UTF-8");
  }

  @Test
  void aTruncatedCheckpointIsCorrupt() {
    byte[] good = CheckpointCodec.encode(CHECKPOINT);
    corrupt(Arrays.copyOf(good, good.length - 1));
  }

  @Test
  void aManifestWithANegativeCountIsCorruptNamingItsLine() {
    String text = new String(CheckpointCodec.encode(CHECKPOINT), UTF_8).replace("\"fileCount\":2", "\"fileCount\":-1");

    CorruptLogException e = corrupt(text.getBytes(UTF_8));

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).contains("_manifests/m.parquet").contains("negative");
  }
}

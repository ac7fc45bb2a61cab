package io.tidemark.spec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.error.CorruptLogException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {
  private static Checkpoint checkpoint() throws IOException {
    byte[] create;
    try (InputStream in = CheckpointCodecTest.class.getResourceAsStream("create-table.json")) {
      create = in.readAllBytes();
    }
    List<Action> actions = CommitCodec.decode("create-table.json", create);
    Protocol protocol = (Protocol) actions.get(1);
    Metadata metadata = (Metadata) actions.get(2);
    return new Checkpoint(10, 1700000000000L, protocol, metadata, List.of(),
        List.of(new ManifestEntry("_manifests/a.parquet", 900, 0, 3, 30, Map.of(), Map.of()),
            new ManifestEntry("_manifests/b.parquet", 800, 0, 2, 7, Map.of(), Map.of())));
  }

  @Test
  void aCheckpointDecodesToWhatWasEncoded() throws IOException {
    Checkpoint cp = checkpoint();
    assertThat(CheckpointCodec.decode("cp", CheckpointCodec.encode(cp))).isEqualTo(cp);
  }

  @Test
  void aHeaderWhoseCountsDisagreeWithItsManifestListMakesTheCheckpointCorrupt() throws IOException {
    String text = new String(CheckpointCodec.encode(checkpoint()), UTF_8);
    assertThat(text).contains("\"numFiles\":5").contains("\"numRecords\":37");
    for (String wrong : List.of(text.replace("\"numFiles\":5", "\"numFiles\":6"),
        text.replace("\"numRecords\":37", "\"numRecords\":30"))) {
      assertThatThrownBy(() -> CheckpointCodec.decode("_log/cp", wrong.getBytes(UTF_8)))
          .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.line()).isEqualTo(1))
          .hasMessageContaining("header says");
    }
  }
}

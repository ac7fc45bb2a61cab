package io.tidemark.spec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.DeletionVector;
import io.tidemark.spec.error.CorruptLogException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code deletionVector} of an {@code add} (spec.md section 4.7) in commit files. */
class DeletionVectorJsonTest {
  private static final String ADD_PREFIX = "{\"add\":{\"path\":\"data/a.parquet\",\"specId\":0,\"size\":10,"
      + "\"recordCount\":5,\"dataChange\":true,\"deletionVector\":";

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DeletionVectorJsonTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] commitWith(String addLine) {
    String info = "{\"commitInfo\":{\"timestamp\":1,\"operation\":\"DELETE\",\"isolationLevel\":\"Serializable\","
        + "\"isBlindAppend\":false,\"txnId\":\"t\",\"actionCount\":1}}\n";
    return (info + addLine + "\n").getBytes(UTF_8);
  }

  @Test
  void theMergeOnReadDeleteExampleDecodesAndReencodesByteForByte() throws IOException {
    byte[] golden = resource("merge-on-read-delete.json");
    List<Action> actions = CommitCodec.decode("merge-on-read-delete.json", golden);
    assertThat(new String(CommitCodec.encode(actions), UTF_8)).isEqualTo(new String(golden, UTF_8));
    AddFile inline = (AddFile) actions.get(3);
    assertThat(inline.deletionVector().isInline()).isTrue();
    assertThat(inline.deletionVector().inlineBytes()).hasSize(47).startsWith('T', 'M', 'D', 'V');
    assertThat(inline.liveRecordCount()).isEqualTo(94);
    DeletionVector file = ((AddFile) actions.get(4)).deletionVector();
    assertThat(file.path()).isEqualTo("data/0d6f3b8e-2c4a-4f1e-a7b9-3e5c7a9d1b40.dv");
    assertThat(file.offset()).isZero();
    assertThat(file.cardinality()).isEqualTo(1000);
  }

  @Test
  void anAddWithoutAVectorHasNoDeletedRows() throws IOException {
    AddFile add = (AddFile) CommitCodec.decode("append.json", resource("append.json")).get(1);
    assertThat(add.deletionVector()).isNull();
    assertThat(add.liveRecordCount()).isEqualTo(add.recordCount());
  }

  @Test
  void aVectorMissingOffsetStartsAtZero() {
    List<Action> actions = CommitCodec.decode("c", commitWith(ADD_PREFIX
        + "{\"path\":\"data/x.dv\",\"size\":20,\"cardinality\":2}}}"));
    assertThat(((AddFile) actions.get(1)).deletionVector().offset()).isZero();
  }

  @Test
  void malformedVectorsMakeTheCommitCorruptNamingTheLine() {
    List<String> bad = List.of(
        "{\"size\":20,\"cardinality\":2}",
        "{\"path\":\"data/x.dv\",\"inline\":\"AAAA\",\"size\":3,\"cardinality\":1}",
        "{\"path\":\"../x.dv\",\"size\":20,\"cardinality\":2}",
        "{\"path\":\"data/x.dv\",\"size\":20,\"cardinality\":6}",
        "{\"path\":\"data/x.dv\",\"size\":20,\"cardinality\":0}",
        "{\"path\":\"data/x.dv\",\"offset\":-1,\"size\":20,\"cardinality\":1}",
        "{\"inline\":\"AAAA\",\"size\":4,\"cardinality\":1}",
        "{\"inline\":\"not base64!\",\"size\":4,\"cardinality\":1}",
        "{\"path\":\"data/x.dv\",\"size\":20}",
        "\"data/x.dv\"");
    for (String dv : bad) {
      assertThatThrownBy(() -> CommitCodec.decode("c", commitWith(ADD_PREFIX + dv + "}}")))
          .as(dv).isInstanceOf(CorruptLogException.class).hasMessageContaining("line 2");
    }
  }
}

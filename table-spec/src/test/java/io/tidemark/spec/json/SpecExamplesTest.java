package io.tidemark.spec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.actions.Action;
import io.tidemark.spec.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples in spec.md (at the repository root) are what the codec reads and writes. */
class SpecExamplesTest {
  private static List<String> jsonBlocks() throws IOException {
    Path spec = Path.of("..", "spec.md");
    assertThat(spec).exists();
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : Files.readAllLines(spec, UTF_8)) {
      if (current == null && line.equals("```json")) {
        current = new StringBuilder();
      } else if (current != null && line.equals("```")) {
        blocks.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return blocks;
  }

  @Test
  void everyCommitExampleInTheSpecDecodesAndReencodesUnchanged() throws IOException {
    List<String> commits = jsonBlocks().stream().filter(b -> b.startsWith("{\"commitInfo\"")).toList();

    assertThat(commits).hasSizeGreaterThanOrEqualTo(3);
    for (String commit : commits) {
      List<Action> actions = CommitCodec.decode("spec.md", commit.getBytes(UTF_8));
      assertThat(new String(CommitCodec.encode(actions), UTF_8)).isEqualTo(commit);
    }
  }

  @Test
  void theSchemaExampleInTheSpecIsTheSchemaJsonForm() throws IOException {
    String schemaBlock = jsonBlocks().stream().filter(b -> b.startsWith("{\"type\":\"struct\"")).findFirst()
        .orElseThrow();
    String oneLine = schemaBlock.replace("\n", "").replaceAll("(?<=[,\\[])\\s+", "");

    Schema schema = SchemaJson.fromJson(oneLine);

    assertThat(SchemaJson.toJson(schema)).isEqualTo(oneLine);
    assertThat(schema.highestFieldId()).isEqualTo(10);
  }
}

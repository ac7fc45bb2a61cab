package io.tidemark.spec.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.DeletionVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The token-by-token reader of manifest rows gives exactly what the strict tree decoder gives, or
 * steps aside: for well-formed adds of every shape, and for texts that differ from one by a
 * small change (a field missing, doubled, null, of another type, unknown, or trailing text).
 */
class FastAddReaderTest {
  /** The strict decoder's add, or its error message: what a manifest row decodes to. */
  private static Object strict(String json) {
    try {
      return ActionJson.fromNode("add", CommitCodec.MAPPER.readTree(json));
    } catch (Exception e) {
      return "error: " + e.getMessage();
    }
  }

  private static AddFile sample(Random random) {
    Map<String, Object> partition = new LinkedHashMap<>();
    Object[] values = {"2024-01-0" + (1 + random.nextInt(9)), (long) random.nextInt(16), null, true, 2.5,
        Long.MIN_VALUE, "ü €"};
    for (int i = random.nextInt(3); i > 0; i--) {
      partition.put("p" + i, values[random.nextInt(values.length)]);
    }
    Map<Integer, ColumnStats> stats = new TreeMap<>();
    for (int id = 1; id <= random.nextInt(5); id++) {
      Object min = values[random.nextInt(values.length)];
      stats.put(id, new ColumnStats(random.nextInt(3), random.nextBoolean() ? null : (long) random.nextInt(2), min,
          random.nextBoolean() ? null : min));
    }
    AddFile add = new AddFile("data/d=" + random.nextInt(9) + "/f" + random.nextInt(1000) + ".parquet", partition,
        random.nextInt(3), random.nextInt(1 << 20), 1 + random.nextInt(1000), stats, random.nextBoolean());
    return random.nextInt(8) == 0 ? add.withDeletionVector(new DeletionVector(null, 0, "AAAA", 3, 1)) : add;
  }

  private static List<String> variants(String json) {
    List<String> out = new ArrayList<>(List.of(json, json + " ", json + "{}", json + "x",
        json.replace("\"specId\":", "\"specId\":1,\"specId\":"),
        json.replace("\"size\":", "\"size\":null,\"other\":"),
        json.replace("\"dataChange\":", "\"other\":1,\"dataChange\":"),
        json.replace("\"recordCount\":", "\"recordCount\":1.0,\"x\":"),
        json.replace("\"specId\":", "\"specId\":4294967296,\"y\":"),
        json.replace("\"size\":", "\"size\":99999999999999999999,\"z\":"),
        json.replace("\"path\":", "\"path\":3,\"p\":"),
        json.replace("\"path\":\"data/", "\"path\":\"../"),
        json.replace("\"nullCount\":", "\"nullCount\":-1,\"n\":"),
        json.replace("\"min\":", "\"min\":null,\"m\":"),
        json.replace("\"min\":", "\"min\":[1],\"m\":"),
        json.replace("\"min\":", "\"min\":1e999,\"m\":"),
        json.replace("\"stats\":{", "\"stats\":{\"x1\":{\"nullCount\":0},"),
        json.replace("\"stats\":{", "\"stats\":{\"1\":{\"nullCount\":0},"),
        json.replace("\"partitionValues\":{", "\"partitionValues\":{\"a\":{},"),
        json.replace("\"partitionValues\":{", "\"partitionValues\":{\"q\":1,\"q\":2,"),
        json.replace("\"dataChange\":", "\"dataChange\":\"true\",\"d\":")));
    out.add(json.substring(0, json.length() / 2));
    out.add("[" + json + "]");
    return out;
  }

  @Test
  void theFastReaderAgreesWithTheStrictDecoderOrStepsAside() {
    Random random = new Random(18);
    int fast = 0;
    int cases = 0;
    for (int i = 0; i < 400; i++) {
      String json = CheckpointCodec.addToJson(sample(random));
      for (String text : variants(json)) {
        AddFile read = FastAddReader.read(text);
        Object expected = strict(text);
        if (read != null) {
          assertThat(read).as(text).isEqualTo(expected);
          fast++;
        }
        Object decoded;
        try {
          decoded = CheckpointCodec.addFromJson("m", 1, text);
        } catch (RuntimeException e) {
          decoded = "error";
        }
        assertThat(decoded).as(text).isEqualTo(expected instanceof AddFile ? expected : "error");
        cases++;
      }
    }
    assertThat(cases).isGreaterThan(8_000);
    // the plain adds (no deletion vector), exact and with a trailing space, go the fast way
    assertThat(fast).isGreaterThan(600);
  }
}

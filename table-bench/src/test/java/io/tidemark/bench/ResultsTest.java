package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
  private static Results sample() {
    Results r = new Results();
    r.add("write.ratio_vs_parquet", new double[] {0.9, 1.1, 1.0}, "×", "ratio | with a bar");
    r.add("scan.day.files_opened", 20, "files", "count");
    r.add("commit.p50_ms", 4.56789, "ms", "latency");
    r.addJsonOnly("config.quick", 1);
    return r;
  }

  @Test
  void jsonIsAFlatObjectOfNumbersInMeasuringOrder() throws Exception {
    JsonNode json = new ObjectMapper().readTree(sample().toJson());
    assertThat(json.isObject()).isTrue();
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      names.add(name);
      assertThat(json.get(name).isNumber()).as(name).isTrue();
    }
    assertThat(names).containsExactly("write.ratio_vs_parquet", "write.ratio_vs_parquet.min",
        "write.ratio_vs_parquet.max", "scan.day.files_opened", "commit.p50_ms", "config.quick");
    assertThat(json.get("write.ratio_vs_parquet").asDouble()).isEqualTo(1.0);
    assertThat(json.get("write.ratio_vs_parquet.min").asDouble()).isEqualTo(0.9);
    assertThat(json.get("scan.day.files_opened").isIntegralNumber()).isTrue();
    assertThat(json.get("scan.day.files_opened").asLong()).isEqualTo(20);
    assertThat(json.get("commit.p50_ms").asDouble()).isEqualTo(4.56789);
  }

  @Test
  void nonFiniteValuesAreLeftOutOfTheJson() throws Exception {
    Results r = new Results();
    r.add("a", Double.NaN, "", "");
    r.add("b", 2, "", "");
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertThat(json.has("a")).isFalse();
    assertThat(json.get("b").asInt()).isEqualTo(2);
    assertThat(new ObjectMapper().readTree(new Results().toJson()).size()).isZero();
  }

  @Test
  void numbersAreWrittenPlainly() {
    assertThat(Results.number(3)).isEqualTo("3");
    assertThat(Results.number(-2.0)).isEqualTo("-2");
    assertThat(Results.number(1234567.891)).isEqualTo("1234570");
    assertThat(Results.number(0.000012345678)).isEqualTo("0.0000123457");
    assertThatThrownBy(() -> Results.number(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysAreEscaped() {
    assertThat(Results.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
  }

  @Test
  void figuresCannotBeAddedTwice() {
    Results r = sample();
    assertThatThrownBy(() -> r.add("commit.p50_ms", 1, "", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.addJsonOnly("config.quick", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void markdownHasOneRowPerFigureWithRangesForRepeatedOnes() {
    String md = sample().toMarkdown();
    assertThat(md).startsWith("| figure | median | min – max | unit | what it is |\n|---|");
    assertThat(md).contains("| `write.ratio_vs_parquet` | 1 | 0.900 – 1.100 | × | ratio \\| with a bar |");
    assertThat(md).contains("| `scan.day.files_opened` | 20 |  | files | count |");
    assertThat(md).contains("| `commit.p50_ms` | 4.568 |  | ms | latency |");
    assertThat(md).doesNotContain("config.quick");
  }

  @Test
  void writesTheJsonFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("target/bench-results.json");
    sample().writeJson(file);
    assertThat(new ObjectMapper().readTree(Files.readString(file)).get("config.quick").asInt()).isEqualTo(1);
  }
}

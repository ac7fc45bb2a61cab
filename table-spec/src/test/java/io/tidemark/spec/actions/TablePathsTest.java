package io.tidemark.spec.actions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TablePathsTest {
  @ParameterizedTest
  @ValueSource(strings = {"x.parquet", "data/3f1e6f0b-0000-4000-8000-000000000001.parquet",
      "data/p=1/q=a b/x.parquet", "data/..hidden/x.parquet", "data/a..b.parquet", "data/\u00fc.parquet",
      "data/p=%3A/x.parquet"})
  void acceptsRelativeNormalPaths(String path) {
    assertThatCode(() -> TablePaths.checkRelative(path)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/abs", "/data/x.parquet", "s3://b/k", "file:/t/x.parquet", "C:x.parquet",
      "data/p=10:00/x.parquet", "a\\b", "\\\\server\\share"})
  void rejectsAbsolutePathsSchemesColonsAndBackslashes(String path) {
    assertThatThrownBy(() -> TablePaths.checkRelative(path))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'" + path + "'")
        .hasMessageContaining("must be relative to the table");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x.parquet", "data/../../x", "a/../b", "./x", "a/./b", "a//b", "data/", "a/.",
      "..", "."})
  void rejectsDotSegmentsAndEmptySegments(String path) {
    assertThatThrownBy(() -> TablePaths.checkRelative(path))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'" + path + "'")
        .hasMessageContaining("escapes or is not normal");
  }

  @Test
  void rejectsEmptyAndNullPaths() {
    assertThatThrownBy(() -> TablePaths.checkRelative(""))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("file path is empty");
    assertThatThrownBy(() -> TablePaths.checkRelative(null))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("file path is empty");
  }

  @Test
  void addAndRemoveCheckTheirPaths() {
    assertThatThrownBy(() -> new AddFile("../x.parquet", Map.of(), 0, 1, 1, Map.of(), true))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> new RemoveFile("/abs.parquet", 1L, true, null, null))
        .isInstanceOf(InvalidArgumentException.class);
  }
}

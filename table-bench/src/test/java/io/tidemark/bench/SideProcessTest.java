package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The side JVMs write and read the same generated rows, and agree on them (nothing here is timed). */
class SideProcessTest {
  private static final int ROWS = 3_000;
  private static final BenchConfig SMALL = new BenchConfig(true, ROWS, 3, 1, 1, 10, 10, 1, new int[] {1}, 1, 1);
  private static final String OPTS = "-Xmx256m";

  @TempDir
  Path dir;

  @Test
  void tidemarkAndParquetSidesWriteTheRowsAndReadBackTheSameChecksum() throws Exception {
    Dataset data = Dataset.generate(ROWS);
    long expected = 0;
    for (var r : data.rows) {
      expected += Dataset.checksum(r);
    }
    Path table = dir.resolve("table");
    try (SideProcess tidemark = SideProcess.start(Sides.TIDEMARK, SMALL, OPTS);
        SideProcess parquet = SideProcess.start(Sides.PARQUET, SMALL, OPTS)) {
      String[] wrote = tidemark.call("write", table.toString());
      assertThat(Long.parseLong(wrote[2])).as("files").isEqualTo(3);
      assertThat(Double.parseDouble(wrote[0])).as("seconds").isPositive();

      String[] parquetWrote = parquet.call("write", dir.resolve("parquet").toString());
      assertThat(Long.parseLong(parquetWrote[2])).as("files").isEqualTo(3);

      List<String> scan = new ArrayList<>(List.of("scan-all", table.toString()));
      try (Stream<Path> files = Files.list(table.resolve("data"))) {
        files.forEach(f -> scan.add(f.toString()));
      }
      String[] tidemarkRead = tidemark.call(scan.toArray(new String[0]));
      String[] parquetRead = parquet.call(scan.toArray(new String[0]));
      assertThat(Long.parseLong(tidemarkRead[2])).isEqualTo(ROWS);
      assertThat(Long.parseLong(tidemarkRead[3])).isEqualTo(expected);
      assertThat(Long.parseLong(parquetRead[2])).isEqualTo(ROWS);
      assertThat(Long.parseLong(parquetRead[3])).isEqualTo(expected);
    }
  }

  @Test
  void aFailedCommandIsReportedAndTheSideKeepsAnswering() {
    try (SideProcess parquet = SideProcess.start(Sides.PARQUET, SMALL, OPTS)) {
      assertThatThrownBy(() -> parquet.call("fly"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("unknown command fly");
      assertThat(parquet.call("write", dir.resolve("p").toString())[2]).isEqualTo("3");
    }
  }
}

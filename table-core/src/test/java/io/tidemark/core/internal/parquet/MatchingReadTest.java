package io.tidemark.core.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code openMatching} returns exactly the rows a filter matches, and spares the test of each row
 * only in the row groups whose own footer statistics prove that every row matches.
 */
class MatchingReadTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, ts timestamp, n int, v double, s string");
  private static final int ROWS = 30_000;
  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

  @TempDir
  Path dir;
  private final FileIO io = new LocalFileIO();
  private final List<Record> records = new ArrayList<>();
  private AddFile file;

  @BeforeEach
  void write() {
    Random random = new Random(11);
    for (long id = 0; id < ROWS; id++) {
      Instant ts = random.nextInt(50) == 0 ? null : START.plusSeconds(id * 10);
      Integer n = random.nextInt(20) == 0 ? null : random.nextInt(1000);
      Double v = random.nextInt(30) == 0 ? Double.NaN : random.nextDouble();
      String s = random.nextInt(8) == 0 ? null : "k" + random.nextInt(50);
      records.add(Record.of(SCHEMA, id, ts, n, v, s));
    }
    try (DataFileWriter writer = new DataFileWriter(io, dir.toString(), SCHEMA, WriterOptions.defaults())) {
      writer.parquetSettings(b -> b.withRowGroupSize(64 << 10).withPageRowCountLimit(500));
      records.forEach(writer::write);
      file = writer.finish().get(0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "id >= 7000 and id < 7100",
      "id >= 5000",
      "id < 100000",
      "id < 300 or id >= 29950",
      "not (id < 19000)",
      "id in (5, 600, 18000)",
      "ts >= '2024-03-02T00:00:00Z' and ts < '2024-03-03T00:00:00Z'",
      "ts >= '2024-03-01T00:00:00Z'",
      "ts is null",
      "n < 500",
      "n is not null",
      "v > 0.5",
      "s = 'k7'",
      "s is null or id >= 20000",
  })
  void returnsExactlyTheMatchingRows(String filter) {
    Expression bound = Binder.bind(SCHEMA, Expressions.parse(filter));
    List<Record> expected = records.stream().filter(new RowEvaluator(bound)::matches).toList();
    assertThat(read(bound, new ReadMetrics())).containsExactlyElementsOf(expected);
  }

  @Test
  void rowGroupsProvenByTheirFooterAreReadWithoutTestingRows() {
    ReadMetrics metrics = new ReadMetrics();
    Expression bound = Binder.bind(SCHEMA, Expressions.parse("id >= 5000"));
    List<Record> read = read(bound, metrics);
    assertThat(read).hasSize(ROWS - 5000);
    assertThat(metrics.rowGroupsTotal()).as("row groups").isGreaterThan(3);
    // the row group holding id 5000 has rows below it: it alone is read and tested among those kept
    assertThat(metrics.rowGroupsProven()).isEqualTo(metrics.rowGroupsRead() - 1);
  }

  @Test
  void nothingIsProvenWhereNullsOrUnhandledTypesLeaveItOpen() {
    for (String filter : List.of("ts >= '2024-02-01T00:00:00Z'", "v > -1.0", "s >= 'a'", "n >= 0")) {
      ReadMetrics metrics = new ReadMetrics();
      Expression bound = Binder.bind(SCHEMA, Expressions.parse(filter));
      List<Record> expected = records.stream().filter(new RowEvaluator(bound)::matches).toList();
      assertThat(read(bound, metrics)).as(filter).containsExactlyElementsOf(expected);
      assertThat(metrics.rowGroupsProven()).as(filter).isZero();
    }
  }

  private List<Record> read(Expression bound, ReadMetrics metrics) {
    List<Record> read = new ArrayList<>();
    try (CloseableIterator<Record> it = DataFileReader.openMatching(io.newInputFile(dir + "/" + file.path()), SCHEMA,
        bound, metrics, 0, -1, null)) {
      it.forEachRemaining(read::add);
    }
    return read;
  }
}

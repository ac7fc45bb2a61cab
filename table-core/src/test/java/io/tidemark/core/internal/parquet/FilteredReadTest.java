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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filtered read of a file of many pages lets Parquet skip pages and records by the filter: it
 * must still return every row the filter matches (the exact filter is applied afterwards, as a
 * scan does), and for a narrow filter far fewer rows than the file holds.
 */
class FilteredReadTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, v double, s string");
  private static final int ROWS = 20_000;

  @TempDir
  Path dir;
  private final FileIO io = new LocalFileIO();
  private final List<Record> records = new ArrayList<>();
  private AddFile file;

  @BeforeEach
  void write() {
    Random random = new Random(7);
    double[] specials = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (long id = 0; id < ROWS; id++) {
      Double v = random.nextInt(10) == 0 ? null
          : random.nextInt(20) == 0 ? specials[random.nextInt(specials.length)] : random.nextGaussian() * 100;
      String s = random.nextInt(8) == 0 ? null : "k" + random.nextInt(50);
      records.add(Record.of(SCHEMA, id, v, s));
    }
    try (DataFileWriter writer = new DataFileWriter(io, dir.toString(), SCHEMA, WriterOptions.defaults())) {
      writer.parquetSettings(b -> b.withPageRowCountLimit(500));
      records.forEach(writer::write);
      file = writer.finish().get(0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "id >= 7000 and id < 7100",
      "id < 300 or id >= 19950",
      "not (id < 19000)",
      "id = 12345",
      "id in (5, 600, 18000)",
      "v = 0.0",
      "v > 250",
      "v is null and id < 2000",
      "v is nan",
      "not (v < 0)",
      "s = 'k7'",
      "s != 'k7'",
      "s starts with 'k1'",
      "s is null or (id >= 100 and id <= 110)",
  })
  void everyMatchingRowIsReadAndTheExactFilterSelectsThem(String filter) {
    Expression bound = Binder.bind(SCHEMA, Expressions.parse(filter));
    RowEvaluator exact = new RowEvaluator(bound);
    List<Record> expected = records.stream().filter(exact::matches).toList();
    List<Record> read = new ArrayList<>();
    try (CloseableIterator<Record> it = DataFileReader.open(io.newInputFile(dir + "/" + file.path()), SCHEMA, bound,
        null)) {
      it.forEachRemaining(read::add);
    }
    assertThat(read.stream().filter(exact::matches).toList()).containsExactlyElementsOf(expected);
    if (filter.startsWith("id >= 7000") || filter.startsWith("id = ")) {
      assertThat(read).as("rows Parquet handed back for a narrow range").hasSizeLessThanOrEqualTo(500);
    }
  }
}

package io.tidemark.s3;

import static io.tidemark.core.TestTables.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileEntry;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading one column of a wide Parquet file fetches that column's bytes and the footer, not the file. */
@ExtendWith(S3Extension.class)
class RangedParquetReadTest {
  private static final Logger LOG = LoggerFactory.getLogger(RangedParquetReadTest.class);
  private static final int COLUMNS = 50;
  private static final int ROWS = 20_000;

  @Test
  void oneColumnOfAFiftyColumnFileCostsTwoGetsAndAFewPercentOfItsBytes(S3TestEnv env) throws Exception {
    RequestLog log = new RequestLog();
    try (S3FileIO io = env.builder().interceptor(log).build()) {
      Schema schema = SchemaDdl.parse(IntStream.range(0, COLUMNS).mapToObj(i -> "c" + i + " double not null")
          .collect(Collectors.joining(", ")));
      Table table = Tables.create(io, env.newPrefix() + "/wide", schema, Map.of("write.parquet.compression", "uncompressed"));
      Random random = new Random(42);
      double[] c7 = new double[ROWS];
      try (AppendWriter w = table.newAppend()) {
        for (int r = 0; r < ROWS; r++) {
          Object[] values = new Object[COLUMNS];
          for (int c = 0; c < COLUMNS; c++) {
            values[c] = random.nextDouble();
          }
          c7[r] = (Double) values[7];
          w.write(Record.of(schema, values));
        }
        w.commit();
      }
      FileEntry file = io.list(table.location() + "/data/", null).get(0);
      String key = S3Location.parse(file.location()).key();

      log.clear();
      List<Record> records = read(table.newScan().select("c7"));
      assertThat(records).extracting(r -> (Double) r.get(0)).containsExactly(box(c7));

      List<RequestLog.Call> gets = log.calls("GetObject").stream().filter(c -> c.key().equals(key)).toList();
      long bytes = gets.stream().mapToLong(RequestLog.Call::bytes).sum();
      LOG.info("ranged read of 1 of {} columns: file {} bytes, {} GET(s) {}, {} bytes fetched ({}%)", COLUMNS,
          file.size(), gets.size(), gets.stream().map(RequestLog.Call::range).toList(), bytes,
          String.format("%.1f", 100.0 * bytes / file.size()));
      assertThat(file.size()).isGreaterThan(7_000_000);
      assertThat(gets).as("footer (with the length) + the column chunk").hasSize(2);
      assertThat(gets).allMatch(c -> c.range() != null, "every GET is ranged");
      assertThat(bytes).isLessThan(file.size() / 20);
      assertThat(bytes).isGreaterThanOrEqualTo(ROWS * 8L);
    }
  }

  private static Double[] box(double[] values) {
    Double[] out = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}

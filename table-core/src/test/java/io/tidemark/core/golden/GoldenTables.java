package io.tidemark.core.golden;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.StructType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden table {@code testdata/golden/v1-basic}: what format v1 (this version) writes, kept so
 * that every later version proves it still reads it. {@link #main} wrote it once; do not rewrite it.
 */
public final class GoldenTables {
  /** Every type of the format, nested ones too. */
  public static final Schema SCHEMA = SchemaDdl.parse("id long not null, name string, price decimal(10,2),"
      + " day date, ts timestamp, ts_local timestamp_ntz, flag boolean, small int, ratio float, payload binary,"
      + " tags list<string>, attrs map<string, long>, point struct<x: double, y: double not null>");

  private GoldenTables() {}

  /** The rows of each append, in commit order (versions 1, 2 and 3). */
  public static List<List<Record>> batches() {
    return List.of(
        List.of(row(1, "ada", "12.50", "2024-01-01", "2024-01-01T10:00:00.123456Z", List.of("a", "b"), 1.5, 2.5),
            row(2, "grace", "0.99", "2024-01-02", "2024-01-02T00:00:00Z", List.of(), 0.0, -1.0),
            row(3, "Ünïcødé ✓ 𝄞", "-7.00", "1970-01-01", "1969-12-31T23:59:59.999999Z", null, null, 3.0)),
        List.of(row(4, "linus", "99999999.99", "2038-01-19", "2038-01-19T03:14:08Z", List.of("x"), 4.0, 4.0),
            row(5, "", "0.00", "2000-02-29", "2000-02-29T12:00:00Z", java.util.Arrays.asList("y", null), 5.0, 5.0)),
        List.of(Record.of(SCHEMA, 6L, null, null, null, null, null, null, null, null, null, null, null, null)));
  }

  private static Record row(long id, String name, String price, String day, String ts, List<String> tags,
      Double x, double y) {
    Map<String, Long> attrs = new LinkedHashMap<>();
    attrs.put("k" + id, id * 100);
    attrs.put("n", null);
    StructType point = (StructType) SCHEMA.column("point").type();
    return Record.of(SCHEMA, id, name, new BigDecimal(price), LocalDate.parse(day), Instant.parse(ts),
        LocalDateTime.parse(ts.substring(0, ts.length() - 1)), id % 2 == 0, (int) id * -3, (float) id / 3,
        ByteBuffer.wrap(new byte[] {(byte) id, 0, (byte) 0xff}), tags, attrs, Record.of(point, x, y));
  }

  /** Writes the golden table at the path given; used once, when format v1 was made. */
  public static void main(String[] args) {
    Table table = Tables.create(Path.of(args[0]).toString(), SCHEMA);
    long appVersion = 1;
    for (List<Record> batch : batches()) {
      try (AppendWriter w = table.newAppend()) {
        w.applicationTransaction("golden-job", appVersion++).writeAll(batch);
        w.commit();
      }
    }
  }
}

package io.tidemark.core.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column statistics of the files {@link DataFileWriter} writes, checked against
 * {@link StatsOracle}, which computes them from the values written: random files of every type
 * with the awkward values, files of many row groups, and the cases Parquet's own statistics do
 * not tell apart (signed zeros, NaN, missing statistics).
 */
class FileColumnStatsTest {
  private static final long SEED = 20240611L;
  private static final int FILES = 240;
  private static final int[] ROWS = {1, 2, 3, 17, 120, 700, 2500};
  /** Row-group row limits; 0 keeps Parquet's default (one row group for files this small). */
  private static final int[] ROW_GROUP_ROWS = {0, 0, 1, 2, 9, 100};

  @TempDir
  Path dir;

  private final FileIO io = new LocalFileIO();

  @Test
  void statsOfRandomFilesOfEveryTypeAreTheStatsOfTheirValues() throws Exception {
    Random random = new Random(SEED);
    RandomRecords source = new RandomRecords(random);
    int severalRowGroups = 0;
    long id = 0;
    for (int file = 0; file < FILES; file++) {
      source.newFile();
      int rowGroupRows = ROW_GROUP_ROWS[random.nextInt(ROW_GROUP_ROWS.length)];
      // at most twenty row groups: each costs a flush of every column
      int rows = Math.min(ROWS[random.nextInt(ROWS.length)], rowGroupRows > 0 ? 20 * rowGroupRows : Integer.MAX_VALUE);
      List<Record> records = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        records.add(source.next(id++));
      }
      AddFile written = write(RandomRecords.SCHEMA, records, rowGroupRows);
      assertThat(written.recordCount()).isEqualTo(rows);
      assertThat(written.stats()).as("file %d: %d rows, row groups of %d rows", file, rows, rowGroupRows)
          .containsExactlyEntriesOf(StatsOracle.expected(RandomRecords.SCHEMA.asStruct(), records));
      if (rowGroups(written) > 1) {
        severalRowGroups++;
      }
    }
    // the merge of row groups is exercised, not just possible
    assertThat(severalRowGroups).isGreaterThan(FILES / 4);
  }

  @Test
  void boundsAreMergedAcrossRowGroupsWhereverTheExtremesAndNansFall() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).optional("d", Types.DOUBLE)
        .optional("s", Types.STRING).optional("t", Types.TIMESTAMP).build();
    List<Record> records = new ArrayList<>();
    Object[][] rows = {
        {Double.NaN, "m", null}, {null, null, null}, {7.5, "zz", null}, {Double.NaN, "a\uFFFD", null},
        {-0.0, "", Instant.parse("2020-01-01T00:00:00Z")}, {0.0, "\uD83D\uDE00", null},
        {Double.NEGATIVE_INFINITY, "b", null}, {Double.NaN, null, Instant.parse("1960-01-01T00:00:00Z")}};
    for (int i = 0; i < rows.length; i++) {
      records.add(Record.of(schema, (long) i, rows[i][0], rows[i][1], rows[i][2]));
    }
    for (int rowGroupRows : new int[] {1, 2, 3}) {
      AddFile written = write(schema, records, rowGroupRows);
      assertThat(rowGroups(written)).isGreaterThan(1);
      assertThat(written.stats()).as("row groups of %d rows", rowGroupRows)
          .containsExactlyEntriesOf(StatsOracle.expected(schema.asStruct(), records));
      assertThat(written.stats().get(2)).isEqualTo(new ColumnStats(1, 3L, "-Infinity", 7.5d));
    }
  }

  @Test
  void signedZeroBoundsKeepTheSignsOfTheValuesWritten() throws Exception {
    // Parquet widens a zero bound to -0.0 (min) and +0.0 (max) whichever zero was written.
    Schema schema = Schema.builder().required("id", Types.LONG).optional("d", Types.DOUBLE)
        .optional("f", Types.FLOAT).build();
    double[][] cases = {{0.0}, {-0.0}, {0.0, -0.0}, {-0.0, 0.0}, {-0.0, 1.0}, {0.0, 1.0}, {-1.0, -0.0},
        {-1.0, 0.0}, {0.0, 0.0, Double.NaN}, {-0.0, Double.NaN, -0.0}};
    for (double[] values : cases) {
      List<Record> records = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        records.add(Record.of(schema, (long) i, values[i], (float) values[i]));
      }
      for (int rowGroupRows : new int[] {0, 1}) {
        AddFile written = write(schema, records, rowGroupRows);
        assertThat(written.stats()).as("values %s, row groups of %d rows", Arrays.toString(values), rowGroupRows)
            .containsExactlyEntriesOf(StatsOracle.expected(schema.asStruct(), records));
      }
    }
    List<Record> positiveOnly = List.of(Record.of(schema, 1L, 0.0, 0.0f));
    ColumnStats d = write(schema, positiveOnly, 0).stats().get(2);
    assertThat(d.min()).isEqualTo(0.0d).isNotEqualTo(-0.0d);
    assertThat(d.max()).isEqualTo(0.0d);
  }

  @Test
  void columnsParquetKeepsNoStatisticsForGetExactCountsAndNoBounds() throws Exception {
    Random random = new Random(SEED + 1);
    RandomRecords source = new RandomRecords(random);
    List<Record> records = new ArrayList<>();
    for (int r = 0; r < 300; r++) {
      records.add(source.next(r));
    }
    AddFile written = write(RandomRecords.SCHEMA, records, 50, b -> b
        .withStatisticsEnabled("s", false).withStatisticsEnabled("d", false)
        .withStatisticsEnabled("point.inner.label", false));
    Map<Integer, ColumnStats> expected = new LinkedHashMap<>(StatsOracle.expected(RandomRecords.SCHEMA.asStruct(), records));
    for (String column : List.of("s", "d", "point.inner.label")) {
      int fieldId = fieldId(RandomRecords.SCHEMA, column);
      ColumnStats full = expected.get(fieldId);
      expected.put(fieldId, new ColumnStats(full.nullCount(), full.nanCount(), null, null));
    }
    assertThat(written.stats()).containsExactlyEntriesOf(expected);

    AddFile none = write(RandomRecords.SCHEMA, records, 0, b -> b.withStatisticsEnabled(false));
    for (Map.Entry<Integer, ColumnStats> e : StatsOracle.expected(RandomRecords.SCHEMA.asStruct(), records).entrySet()) {
      ColumnStats full = e.getValue();
      assertThat(none.stats().get(e.getKey())).isEqualTo(new ColumnStats(full.nullCount(), full.nanCount(), null, null));
    }
  }

  @Test
  void valuesTooLongForTheFilesFooterStillGetBounds() throws Exception {
    // Parquet leaves bounds longer than 4 KiB out of the footer it writes, not out of the one
    // it holds in memory.
    Schema schema = Schema.builder().required("id", Types.LONG).optional("s", Types.STRING)
        .optional("b", Types.BINARY).build();
    byte[] bytes = new byte[5000];
    Arrays.fill(bytes, (byte) 0x42);
    List<Record> records = List.of(Record.of(schema, 1L, "x".repeat(5000), bytes), Record.of(schema, 2L, "b", null));
    AddFile written = write(schema, records, 0);
    assertThat(written.stats()).containsExactlyEntriesOf(StatsOracle.expected(schema.asStruct(), records));
    assertThat(written.stats().get(2)).isEqualTo(new ColumnStats(0, null, "b", "xxxxxxxxxxxxxxxy"));
    ParquetMetadata footer = TestData.footer(io, dir + "/" + written.path());
    assertThat(footer.getBlocks().get(0).getColumns().get(1).getStatistics().hasNonNullValue()).isFalse();
  }

  @Test
  void stringsWithLoneSurrogatesAreBoundedAsTheFileStoresThem() throws Exception {
    // UTF-8 has no form for a lone surrogate: the file holds '?' instead, and the bounds must
    // bound what a reader gets back.
    Schema schema = Schema.builder().required("id", Types.LONG).optional("s", Types.STRING).build();
    List<Record> records = List.of(Record.of(schema, 1L, "a\uD800"), Record.of(schema, 2L, "a\uDFFFz"),
        Record.of(schema, 3L, "a>"));
    AddFile written = write(schema, records, 0);
    assertThat(written.stats().get(2)).isEqualTo(new ColumnStats(0, null, "a>", "a?z"));
    List<Object> read = TestData.read(io, dir.toString(), written, schema).stream().map(r -> r.get(1)).toList();
    assertThat(read).containsExactly("a?", "a?z", "a>");
  }

  private AddFile write(Schema schema, List<Record> records, int rowGroupRows) {
    return write(schema, records, rowGroupRows, b -> {});
  }

  private AddFile write(Schema schema, List<Record> records, int rowGroupRows,
      Consumer<ParquetWriter.Builder<Record, ?>> settings) {
    // forceLater: no commit follows, so the hundreds of files here are never waited on to reach the disk
    try (DataFileWriter writer = new DataFileWriter(io, dir.toString(), schema, WriterOptions.defaults()).forceLater()) {
      writer.parquetSettings(b -> {
        if (rowGroupRows > 0) {
          b.withRowGroupRowCountLimit(rowGroupRows);
        }
        settings.accept(b);
      });
      for (Record r : records) {
        writer.write(r);
      }
      List<AddFile> files = writer.finish();
      assertThat(files).hasSize(1);
      return files.get(0);
    }
  }

  private int rowGroups(AddFile file) throws Exception {
    ParquetMetadata footer = TestData.footer(io, dir + "/" + file.path());
    return footer.getBlocks().size();
  }

  private static int fieldId(Schema schema, String dotted) {
    String[] names = dotted.split("\\.");
    NestedField f = schema.column(names[0]);
    for (int i = 1; i < names.length; i++) {
      f = ((StructType) f.type()).field(names[i]);
    }
    return f.id();
  }
}

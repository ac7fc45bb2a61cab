package io.tidemark.core.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.ColumnOrder;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link FooterStats} reads Parquet's row-group statistics where the writer's files do not
 * get there: the type-defined column order (which widens zero bounds and leaves NaN out),
 * footers without row groups, and statistics that are missing or do not add up, which must cost
 * the bounds rather than give wrong ones.
 */
class FooterStatsTest {
  private static final Schema SCHEMA = Schema.builder().required("id", Types.LONG).optional("d", Types.DOUBLE)
      .optional("s", Types.STRING).build();
  private static final MessageType MESSAGE = ParquetSchemas.convert(SCHEMA);

  @TempDir
  Path dir;

  @Test
  void typeDefinedOrderZeroBoundsGetTheSignsOfTheZerosWrittenAndNanStaysOut() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).optional("d", Types.DOUBLE)
        .optional("f", Types.FLOAT).build();
    // the order of files from before parquet 1.18, and of other writers' schemas
    MessageType typeDefined = org.apache.parquet.schema.Types.buildMessage()
        .required(PrimitiveTypeName.INT64).id(1).named("id")
        .optional(PrimitiveTypeName.DOUBLE).columnOrder(ColumnOrder.typeDefined()).id(2).named("d")
        .optional(PrimitiveTypeName.FLOAT).columnOrder(ColumnOrder.typeDefined()).id(3).named("f")
        .named(ParquetSchemas.MESSAGE_NAME);
    double[][] cases = {{0.0}, {-0.0}, {0.0, -0.0}, {-0.0, 1.0}, {0.0, 1.0}, {-1.0, -0.0}, {-1.0, 0.0},
        {0.0, Double.NaN}, {Double.NaN}, {Double.NaN, -0.0, 0.0, Double.NaN}, {2.0, Double.NaN, -0.0}};
    int file = 0;
    for (double[] values : cases) {
      List<Record> records = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        records.add(Record.of(schema, (long) i, values[i], (float) values[i]));
      }
      for (int rowGroupRows : new int[] {1, 1000}) {
        ValueWriters.Root root = ValueWriters.root(schema.asStruct());
        ParquetMetadata footer = write(typeDefined, root, records, rowGroupRows, dir.resolve(file++ + ".parquet"));
        assertThat(footer.getBlocks().get(0).getColumns().get(1).getStatistics())
            .isExactlyInstanceOf(DoubleStatistics.class);
        assertThat(root.stats(footer, "test")).as("values %s, row groups of %d rows", Arrays.toString(values), rowGroupRows)
            .containsExactlyEntriesOf(StatsOracle.expected(schema.asStruct(), records));
      }
    }
    // the case is real: Parquet's own lower bound of a +0.0 is -0.0
    ValueWriters.Root root = ValueWriters.root(schema.asStruct());
    ParquetMetadata footer = write(typeDefined, root, List.of(Record.of(schema, 1L, 0.0, 0.0f)), 1000,
        dir.resolve("zero.parquet"));
    Statistics<?> parquet = footer.getBlocks().get(0).getColumns().get(1).getStatistics();
    assertThat(Double.doubleToRawLongBits((Double) parquet.genericGetMin())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(root.stats(footer, "test").get(2)).isEqualTo(new ColumnStats(0, 0L, 0.0d, 0.0d));
  }

  @Test
  void footerWithoutRowGroupsGivesExactCountsAndNoBounds() {
    ValueWriters.Root root = ValueWriters.root(SCHEMA.asStruct());
    assertThat(root.stats(footer(List.of()), "test")).containsExactly(
        Map.entry(1, new ColumnStats(0, null, null, null)), Map.entry(2, new ColumnStats(0, 0L, null, null)),
        Map.entry(3, new ColumnStats(0, null, null, null)));
  }

  @Test
  void rowGroupWithoutStatisticsCostsItsColumnTheBoundsOfTheWholeFile() {
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, 1.5, "a"), Record.of(SCHEMA, 2L, 2.5, "b"));
    BlockMetaData first = rowGroup(1, longStats(1, 1, 0), doubleStats(0, 1.5), stringStats(0, "a"));
    BlockMetaData second = rowGroup(1, longStats(2, 2, 0), readStats(column(1)).build(), stringStats(0, "b"));
    assertThat(root.stats(footer(List.of(first, second)), "test")).containsExactly(
        Map.entry(1, new ColumnStats(0, null, 1L, 2L)), Map.entry(2, new ColumnStats(0, 0L, null, null)),
        Map.entry(3, new ColumnStats(0, null, "a", "b")));
  }

  @Test
  void nanBoundsOfARowGroupWithOtherValuesCostTheBounds() {
    // IEEE 754 order gives NaN bounds only to a row group of nothing but NaN; here one of its
    // two values is not NaN, so the statistics do not add up.
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, Double.NaN, null), Record.of(SCHEMA, 2L, 3.0, null));
    Statistics<?> nans = readStats(column(1)).withMin(doubleBytes(Double.NaN)).withMax(doubleBytes(Double.NaN))
        .withNumNulls(0).withNanCount(1).build();
    assertThat(root.stats(footer(List.of(rowGroup(2, longStats(1, 2, 0), nans, stringStats(2)))), "test").get(2))
        .isEqualTo(new ColumnStats(0, 1L, null, null));
  }

  @Test
  void nanLowerBoundBesideANumberCostsTheBounds() {
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, Double.NaN, null), Record.of(SCHEMA, 2L, 3.0, null));
    Statistics<?> mixed = readStats(column(1)).withMin(doubleBytes(Double.NaN)).withMax(doubleBytes(3.0))
        .withNumNulls(0).withNanCount(1).build();
    assertThat(root.stats(footer(List.of(rowGroup(2, longStats(1, 2, 0), mixed, stringStats(2)))), "test").get(2))
        .isEqualTo(new ColumnStats(0, 1L, null, null));
  }

  @Test
  void nullCountOtherThanTheWritersCostsTheBounds() {
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, null, "a"), Record.of(SCHEMA, 2L, 3.0, "b"));
    // Parquet would say the column has no null: these statistics describe other values
    assertThat(root.stats(footer(List.of(rowGroup(2, longStats(1, 2, 0), doubleStats(0, 3.0, 4.0),
        stringStats(0, "a", "b")))), "test").get(2)).isEqualTo(new ColumnStats(1, 0L, null, null));
  }

  @Test
  void rowGroupWithValuesButNoBoundsCostsTheBounds() {
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, null, "a"));
    Statistics<?> nothing = stringStats(0);
    assertThat(root.stats(footer(List.of(rowGroup(1, longStats(1, 1, 0), doubleStats(1), nothing))), "test")
        .get(3)).isEqualTo(new ColumnStats(0, null, null, null));
  }

  @Test
  void zeroBoundWithoutAZeroWrittenCostsTheBounds() {
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, 1.0, null));
    assertThat(root.stats(footer(List.of(rowGroup(1, longStats(1, 1, 0), doubleStats(0, 0.0, 1.0),
        stringStats(1)))), "test").get(2)).isEqualTo(new ColumnStats(0, 0L, null, null));
  }

  @Test
  void boundsOfAnotherPhysicalTypeCostTheBounds() {
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, 1.0, null));
    Statistics<?> ints = Statistics.createStats(org.apache.parquet.schema.Types.optional(PrimitiveTypeName.INT32)
        .named("id"));
    ints.updateStats(1);
    BlockMetaData rowGroup = new BlockMetaData();
    rowGroup.setRowCount(1);
    rowGroup.addColumn(chunk(column(0), ints, 1));
    rowGroup.addColumn(chunk(column(1), doubleStats(0, 1.0), 1));
    rowGroup.addColumn(chunk(column(2), stringStats(1), 1));
    assertThat(root.stats(footer(List.of(rowGroup)), "test").get(1)).isEqualTo(new ColumnStats(0, null, null, null));
  }

  @Test
  void footerWhoseColumnsAreNotTheSchemasIsAnError() {
    ValueWriters.Root root = written(Record.of(SCHEMA, 1L, 1.0, "a"));
    BlockMetaData swapped = new BlockMetaData();
    swapped.setRowCount(1);
    swapped.addColumn(chunk(column(0), longStats(1, 1, 0), 1));
    swapped.addColumn(chunk(column(2), stringStats(0, "a"), 1));
    swapped.addColumn(chunk(column(1), doubleStats(0, 1.0), 1));
    assertThatThrownBy(() -> root.stats(footer(List.of(swapped)), "test"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("column 1 of test is s, not d");
  }

  /** A writer tree that has written these records (its counts), to no file. */
  private static ValueWriters.Root written(Record... records) {
    ValueWriters.Root root = ValueWriters.root(SCHEMA.asStruct());
    RecordConsumer discard = DiscardingConsumer.INSTANCE;
    for (Record r : records) {
      root.write(discard, r);
    }
    return root;
  }

  private static PrimitiveType column(int index) {
    return MESSAGE.getColumns().get(index).getPrimitiveType();
  }

  private static Statistics.Builder readStats(PrimitiveType type) {
    return Statistics.getBuilderForReading(type);
  }

  private static byte[] doubleBytes(double d) {
    return BytesUtils.longToBytes(Double.doubleToLongBits(d));
  }

  private static Statistics<?> longStats(long min, long max, long nulls) {
    Statistics<?> s = Statistics.createStats(column(0));
    s.updateStats(min);
    s.updateStats(max);
    s.incrementNumNulls(nulls);
    return s;
  }

  private static Statistics<?> doubleStats(long nulls, double... values) {
    Statistics<?> s = Statistics.createStats(column(1));
    for (double v : values) {
      s.updateStats(v);
    }
    s.incrementNumNulls(nulls);
    return s;
  }

  private static Statistics<?> stringStats(long nulls, String... values) {
    Statistics<?> s = Statistics.createStats(column(2));
    for (String v : values) {
      s.updateStats(Binary.fromString(v));
    }
    s.incrementNumNulls(nulls);
    return s;
  }

  /** A row group of the test schema's three columns, each with as many entries as rows. */
  private static BlockMetaData rowGroup(long rows, Statistics<?> id, Statistics<?> d, Statistics<?> s) {
    BlockMetaData rowGroup = new BlockMetaData();
    rowGroup.setRowCount(rows);
    rowGroup.addColumn(chunk(column(0), id, rows));
    rowGroup.addColumn(chunk(column(1), d, rows));
    rowGroup.addColumn(chunk(column(2), s, rows));
    return rowGroup;
  }

  private static ColumnChunkMetaData chunk(PrimitiveType type, Statistics<?> stats, long values) {
    return ColumnChunkMetaData.get(ColumnPath.get(type.getName()), type,
        CompressionCodecName.UNCOMPRESSED, null, Set.of(), stats, 0, 0, values, 0, 0);
  }

  private static ParquetMetadata footer(List<BlockMetaData> rowGroups) {
    return new ParquetMetadata(new FileMetaData(MESSAGE, Map.of(), "test"), rowGroups);
  }

  /** Writes the records with a Parquet writer of this message type; the footer once closed. */
  private static ParquetMetadata write(MessageType message, ValueWriters.Root root, List<Record> records,
      int rowGroupRows, Path file) throws Exception {
    RecordWriteSupport support = new RecordWriteSupport(message, root);
    ParquetWriter<Record> writer = new DataFileWriter.Builder(new LocalOutputFile(file), support)
        .withConf(new PlainParquetConfiguration()).withRowGroupRowCountLimit(rowGroupRows).build();
    try {
      for (Record r : records) {
        writer.write(r);
      }
    } finally {
      writer.close();
    }
    return writer.getFooter();
  }
}

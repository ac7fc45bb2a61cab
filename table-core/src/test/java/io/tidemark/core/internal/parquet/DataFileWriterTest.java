package io.tidemark.core.internal.parquet;

import static io.tidemark.core.internal.parquet.TestData.ALL_TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.core.data.ReusableRecord;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataFileWriterTest {
  private static final String SUPPLEMENTARY = new String(Character.toChars(0x1F600));
  private static final String MAX_CP = new String(Character.toChars(0x10FFFF));

  @TempDir
  Path dir;

  private final FileIO io = new LocalFileIO();

  private String table() {
    return dir.toString();
  }

  private List<Path> dataFiles() throws Exception {
    Path data = dir.resolve("data");
    if (!Files.isDirectory(data)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(data)) {
      return s.sorted().toList();
    }
  }

  private AddFile writeOne(Schema schema, List<Record> records) {
    List<AddFile> files = TestData.write(io, table(), schema, WriterOptions.defaults(), records);
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  @Test
  void addFileDescribesTheFileWritten() throws Exception {
    List<Record> records = TestData.allTypesRecords();
    AddFile file = writeOne(ALL_TYPES, records);
    assertThat(file.path()).matches("data/[0-9a-f-]{36}\\.parquet");
    assertThat(file.partitionValues()).isEmpty();
    assertThat(file.specId()).isZero();
    assertThat(file.recordCount()).isEqualTo(records.size());
    assertThat(file.dataChange()).isTrue();
    assertThat(file.size()).isEqualTo(Files.size(dir.resolve(file.path())));
  }

  @Test
  void footerSchemaHasAFieldIdOnEveryFieldAndTheWriterVersion() throws Exception {
    AddFile file = writeOne(ALL_TYPES, TestData.allTypesRecords());
    ParquetMetadata footer = TestData.footer(io, table() + "/" + file.path());
    assertThat(footer.getFileMetaData().getSchema()).isEqualTo(ParquetSchemas.convert(ALL_TYPES));
    List<Integer> ids = new ArrayList<>();
    ParquetSchemasTest.collectIds(footer.getFileMetaData().getSchema(), ids);
    assertThat(ids).isNotEmpty().doesNotContainNull();
    assertThat(footer.getFileMetaData().getKeyValueMetaData()).containsEntry("tidemark.writer", "tidemark 0.1.0");
  }

  /**
   * One reusable record overwritten row after row gives the same file as a new record per row,
   * also when the writer holds the rows before opening its first file (fewer than
   * SMALL_FILE_ROWS) and when it holds some and then writes on.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 100, DataFileWriter.SMALL_FILE_ROWS - 1, DataFileWriter.SMALL_FILE_ROWS + 50})
  void aReusableRecordOverwrittenEachRowWritesEveryRowAsItWasWhenWritten(int rows) {
    Schema schema = Schema.builder().required("id", Types.LONG).optional("ts", Types.TIMESTAMP)
        .optional("s", Types.STRING).optional("d", Types.DOUBLE).optional("p", Types.struct(Types.optional("x", Types.INT)))
        .build();
    StructType point = (StructType) schema.column("p").type();
    List<Record> expected = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      expected.add(Record.of(schema, (long) r, Instant.ofEpochSecond(r, 1000), r % 3 == 0 ? null : "s" + r,
          r * 0.5, Record.of(point, r)));
    }
    ReusableRecord row = Record.reusable(schema);
    ReusableRecord p = Record.reusable(point);
    AddFile reused;
    try (DataFileWriter writer = new DataFileWriter(io, table(), schema, WriterOptions.defaults())) {
      for (int r = 0; r < rows; r++) {
        row.setLong(0, r).setTimestampMicros(1, r * 1_000_000L + 1).setString(2, r % 3 == 0 ? null : "s" + r)
            .setDouble(3, r * 0.5).set(4, p.setInt(0, r));
        writer.write(row);
      }
      reused = writer.finish().get(0);
    }
    assertThat(TestData.read(io, table(), reused, schema)).containsExactlyElementsOf(expected);
    AddFile fresh = writeOne(schema, expected);
    assertThat(reused.stats()).isEqualTo(fresh.stats());
    assertThat(reused.recordCount()).isEqualTo(rows);
  }

  @Test
  void aReusableRecordWithARequiredFieldNotSetIsRefusedAndTheWriterGoesOn() {
    Schema schema = Schema.builder().required("id", Types.LONG).optional("s", Types.STRING).build();
    ReusableRecord row = Record.reusable(schema).setString(1, "a");
    try (DataFileWriter writer = new DataFileWriter(io, table(), schema, WriterOptions.defaults())) {
      assertThatThrownBy(() -> writer.write(row)).isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("'id'");
      writer.write(row.setLong(0, 1L));
      AddFile file = writer.finish().get(0);
      assertThat(TestData.read(io, table(), file, schema)).containsExactly(Record.of(schema, 1L, "a"));
    }
  }

  @Test
  void writerWithNoRecordsReturnsNothingAndLeavesNoFile() throws Exception {
    try (DataFileWriter writer = new DataFileWriter(io, table(), ALL_TYPES, WriterOptions.defaults())) {
      assertThat(writer.finish()).isEmpty();
      assertThat(writer.writtenLocations()).isEmpty();
    }
    assertThat(dataFiles()).isEmpty();
  }

  @Test
  void rollsToSeveralFilesWithASmallTargetAndCountsEveryRecord() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).optional("s", Types.STRING).build();
    List<Record> records = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      records.add(Record.of(schema, i, "row " + i + " " + Long.toHexString(i * 0x9E3779B97F4A7C15L)));
    }
    List<AddFile> files;
    List<String> locations;
    try (DataFileWriter writer = new DataFileWriter(io, table(), schema, new WriterOptions(64 * 1024, "snappy"))) {
      for (Record r : records) {
        writer.write(r);
      }
      files = writer.finish();
      locations = writer.writtenLocations();
    }
    assertThat(files.size()).isGreaterThan(3);
    assertThat(files.stream().mapToLong(AddFile::recordCount).sum()).isEqualTo(records.size());
    assertThat(locations).hasSize(files.size());
    assertThat(dataFiles()).hasSize(files.size());
    List<Record> read = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      AddFile f = files.get(i);
      assertThat(locations.get(i)).isEqualTo(table() + "/" + f.path());
      assertThat(f.size()).isEqualTo(Files.size(dir.resolve(f.path())));
      List<Record> part = TestData.read(io, table(), f, schema);
      assertThat(part).hasSize((int) f.recordCount());
      // stats are per file
      assertThat(f.stats().get(1).min()).isEqualTo(part.get(0).get("id"));
      assertThat(f.stats().get(1).max()).isEqualTo(part.get(part.size() - 1).get("id"));
      read.addAll(part);
    }
    assertThat(read).containsExactlyElementsOf(records);
  }

  @Test
  void abortDeletesEveryFileCreated() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).build();
    DataFileWriter writer = new DataFileWriter(io, table(), schema, new WriterOptions(1024, "uncompressed"));
    for (long i = 0; i < 5_000; i++) {
      writer.write(Record.of(schema, i));
    }
    assertThat(writer.writtenLocations()).hasSizeGreaterThan(1);
    assertThat(dataFiles()).hasSize(writer.writtenLocations().size());
    writer.abort();
    assertThat(dataFiles()).isEmpty();
    assertThatThrownBy(() -> writer.write(Record.of(schema, 1L))).isInstanceOf(IllegalStateException.class);
    writer.abort(); // again: nothing happens
    writer.close();
  }

  @Test
  void abortAfterFinishDeletesTheFinishedFiles() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).build();
    DataFileWriter writer = new DataFileWriter(io, table(), schema, WriterOptions.defaults());
    writer.write(Record.of(schema, 1L));
    assertThat(writer.finish()).hasSize(1);
    assertThat(dataFiles()).hasSize(1);
    writer.abort();
    assertThat(dataFiles()).isEmpty();
  }

  @Test
  void closeWithoutFinishAbortsAndCloseAfterFinishKeepsFiles() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).build();
    try (DataFileWriter writer = new DataFileWriter(io, table(), schema, WriterOptions.defaults())) {
      writer.write(Record.of(schema, 1L));
    }
    assertThat(dataFiles()).isEmpty();
    try (DataFileWriter writer = new DataFileWriter(io, table(), schema, WriterOptions.defaults())) {
      writer.write(Record.of(schema, 1L));
      writer.finish();
      assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
    }
    assertThat(dataFiles()).hasSize(1);
  }

  @Test
  void partitionedWriterPutsFilesInItsDirectoryAndDescribesTheirPartition() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).build();
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("ts_day", "2024-01-02");
    values.put("bucket", null);
    List<AddFile> files;
    try (DataFileWriter writer = new DataFileWriter(io, table(), "data/ts_day=2024-01-02/bucket=null", schema,
        WriterOptions.defaults(), 3, values)) {
      writer.write(Record.of(schema, 1L));
      files = writer.finish();
    }
    assertThat(files).hasSize(1);
    AddFile f = files.get(0);
    assertThat(f.path()).startsWith("data/ts_day=2024-01-02/bucket=null/").endsWith(".parquet");
    assertThat(f.specId()).isEqualTo(3);
    assertThat(f.partitionValues()).containsExactly(Map.entry("ts_day", "2024-01-02"), new java.util.AbstractMap.SimpleEntry<>("bucket", null));
    assertThat(Files.size(dir.resolve(f.path()))).isEqualTo(f.size());
    assertThatThrownBy(() -> new DataFileWriter(io, table(), "../escape", schema, WriterOptions.defaults(), 0, Map.of()))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void tableLocationWithTrailingSlashGivesCleanLocations() {
    Schema schema = Schema.builder().required("id", Types.LONG).build();
    try (DataFileWriter writer = new DataFileWriter(io, table() + "/", schema, WriterOptions.defaults())) {
      writer.write(Record.of(schema, 1L));
      List<AddFile> files = writer.finish();
      assertThat(writer.writtenLocations()).containsExactly(table() + "/" + files.get(0).path());
    }
  }

  @Test
  void timestampOutsideTheMicrosecondRangeIsRejectedAndTheWriterMustBeAborted() throws Exception {
    Schema schema = Schema.builder().optional("ts", Types.TIMESTAMP).build();
    DataFileWriter writer = new DataFileWriter(io, table(), schema, WriterOptions.defaults());
    assertThatThrownBy(() -> writer.write(Record.of(schema, Instant.MAX)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'ts'");
    assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
    writer.close();
    assertThat(dataFiles()).isEmpty();
  }

  @Test
  void schemaParquetCannotStoreIsRejectedAtTheFirstRecord() throws Exception {
    Schema emptyStruct = new Schema(List.of(NestedField.required(1, "id", Types.LONG),
        NestedField.optional(2, "e", new StructType(List.of()))));
    try (DataFileWriter writer = new DataFileWriter(io, table(), emptyStruct, WriterOptions.defaults())) {
      assertThatThrownBy(() -> writer.write(Record.of(emptyStruct, 1L, null)))
          .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'e'");
      assertThat(writer.finish()).isEmpty();
    }
    Schema noColumns = new Schema(List.of());
    try (DataFileWriter writer = new DataFileWriter(io, table(), noColumns, WriterOptions.defaults())) {
      assertThatThrownBy(() -> writer.write(Record.of(noColumns))).isInstanceOf(InvalidArgumentException.class);
    }
    assertThat(dataFiles()).isEmpty();
  }

  @Test
  void fileOfFewerRowsThanTheSmallFileLimitHasNoDictionaryAndCountsEachRowOnce() throws Exception {
    List<Record> records = categoryRecords(DataFileWriter.SMALL_FILE_ROWS - 1);
    AddFile file = writeOne(CATEGORIES, records);
    ColumnChunkMetaData category = columnChunk(file, 1);
    assertThat(category.hasDictionaryPage()).isFalse();
    assertThat(category.getEncodings()).doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);
    assertCountsAndContent(file, records);
  }

  @Test
  void fileReachingTheSmallFileLimitIsDictionaryEncoded() throws Exception {
    List<Record> records = categoryRecords(DataFileWriter.SMALL_FILE_ROWS);
    AddFile file = writeOne(CATEGORIES, records);
    assertThat(columnChunk(file, 1).hasDictionaryPage()).isTrue();
    assertCountsAndContent(file, records);
  }

  @Test
  void onlyTheFirstFileOfAWriterIsEverWrittenWithoutDictionary() throws Exception {
    // a tiny target rolls after the first size check (100 records): every file is small, but
    // the writer decided at its 256th record, so all of them keep their dictionaries
    List<Record> records = categoryRecords(1_000);
    List<AddFile> files = TestData.write(io, table(), CATEGORIES, new WriterOptions(1, "snappy"), records);
    assertThat(files).hasSizeGreaterThan(3);
    for (AddFile f : files) {
      assertThat(columnChunk(f, 1).hasDictionaryPage()).as(f.path()).isTrue();
    }
    assertThat(files.stream().mapToLong(AddFile::recordCount).sum()).isEqualTo(records.size());
    assertThat(files.stream().mapToLong(f -> f.stats().get(2).nullCount()).sum())
        .isEqualTo(records.stream().filter(r -> r.get("v") == null).count());
  }

  @Test
  void heldRecordWithAValueNoFileCanHoldIsRefusedByItsOwnWrite() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).optional("ts", Types.TIMESTAMP).build();
    DataFileWriter writer = new DataFileWriter(io, table(), schema, WriterOptions.defaults());
    for (long i = 0; i < 10; i++) {
      writer.write(Record.of(schema, i, Instant.EPOCH));
    }
    assertThatThrownBy(() -> writer.write(Record.of(schema, 10L, Instant.MAX)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'ts'");
    assertThatThrownBy(() -> writer.write(Record.of(schema, 11L, Instant.EPOCH)))
        .isInstanceOf(IllegalStateException.class);
    writer.close();
    assertThat(dataFiles()).isEmpty();
  }

  private static final Schema CATEGORIES =
      Schema.builder().optional("category", Types.STRING).optional("v", Types.DOUBLE).build();

  /** Ten distinct categories, every seventh value null. */
  private static List<Record> categoryRecords(int count) {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(Record.of(CATEGORIES, "category-" + (i % 10), i % 7 == 0 ? null : (double) i));
    }
    return records;
  }

  private ColumnChunkMetaData columnChunk(AddFile file, int column) throws Exception {
    ParquetMetadata footer = TestData.footer(io, table() + "/" + file.path());
    assertThat(footer.getBlocks()).hasSize(1);
    return footer.getBlocks().get(0).getColumns().get(column - 1);
  }

  private void assertCountsAndContent(AddFile file, List<Record> records) {
    long nulls = records.stream().filter(r -> r.get("v") == null).count();
    assertThat(file.recordCount()).isEqualTo(records.size());
    assertThat(file.stats().get(2).nullCount()).isEqualTo(nulls);
    assertThat(file.stats().get(1).nullCount()).isZero();
    assertThat(file.stats().get(1).min()).isEqualTo("category-0");
    assertThat(file.stats().get(1).max()).isEqualTo("category-9");
    assertThat(TestData.read(io, table(), file, CATEGORIES)).containsExactlyElementsOf(records);
  }

  @Test
  void statsCountNullsAndNansAndBoundEveryTopLevelAndStructColumn() {
    AddFile file = writeOne(ALL_TYPES, TestData.allTypesRecords());
    Map<Integer, ColumnStats> stats = file.stats();
    assertThat(stats.get(id("id"))).isEqualTo(new ColumnStats(0, null, 1L, 4L));
    assertThat(stats.get(id("b"))).isEqualTo(new ColumnStats(2, null, false, true));
    assertThat(stats.get(id("i"))).isEqualTo(new ColumnStats(1, null, -7L, (long) Integer.MAX_VALUE));
    assertThat(stats.get(id("l"))).isEqualTo(new ColumnStats(1, null, Long.MIN_VALUE, Long.MAX_VALUE));
    assertThat(stats.get(id("f"))).isEqualTo(new ColumnStats(1, 1L, 1.5d, (double) Float.MAX_VALUE));
    assertThat(stats.get(id("d"))).isEqualTo(new ColumnStats(1, 1L, "-Infinity", 2.25d));
    assertThat(stats.get(id("dec9"))).isEqualTo(new ColumnStats(1, null, "-0.01", "9999999.99"));
    assertThat(stats.get(id("dec18"))).isEqualTo(
        new ColumnStats(1, null, "-99999999999999.9999", "99999999999999.9999"));
    assertThat(stats.get(id("dec38"))).isEqualTo(new ColumnStats(1, null,
        "-9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999"));
    assertThat(stats.get(id("day"))).isEqualTo(new ColumnStats(1, null, "1969-12-31", "9999-12-31"));
    assertThat(stats.get(id("ts"))).isEqualTo(
        new ColumnStats(1, null, "1969-12-31T23:59:59.999999Z", "2262-01-01T00:00:00Z"));
    assertThat(stats.get(id("ts_ntz"))).isEqualTo(
        new ColumnStats(1, null, ntz("1900-01-01T00:00:00"), ntz("2262-01-01T00:00:00")));
    assertThat(stats.get(id("s"))).isEqualTo(new ColumnStats(1, null, "", "plain"));
    assertThat(stats.get(id("bin"))).isEqualTo(new ColumnStats(1, null, "", b64(0x80)));
    // struct members: a null struct counts as a null for each member, nested ones too
    StructType point = TestData.POINT;
    assertThat(stats.get(point.field("x").id())).isEqualTo(new ColumnStats(1, 0L, -1.0d, 1.0d));
    assertThat(stats.get(point.field("y").id())).isEqualTo(new ColumnStats(2, 0L, 0.5d, 2.0d));
    assertThat(stats.get(TestData.INNER.field("label").id())).isEqualTo(new ColumnStats(3, null, "label", "label"));
  }

  @Test
  void noStatsForStructsListsMapsOrColumnsInsideThem() {
    AddFile file = writeOne(ALL_TYPES, TestData.allTypesRecords());
    List<Integer> expected = new ArrayList<>();
    for (String c : List.of("id", "b", "i", "l", "f", "d", "dec9", "dec18", "dec38", "day", "ts", "ts_ntz", "s", "bin")) {
      expected.add(id(c));
    }
    expected.add(TestData.POINT.field("x").id());
    expected.add(TestData.POINT.field("y").id());
    expected.add(TestData.INNER.field("label").id());
    assertThat(file.stats().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void columnOfOnlyNullsAndNansHasNoBounds() {
    Schema schema = Schema.builder().optional("d", Types.DOUBLE).optional("s", Types.STRING).build();
    AddFile file = writeOne(schema, List.of(Record.of(schema, Double.NaN, null), Record.of(schema, null, null)));
    assertThat(file.stats().get(1)).isEqualTo(new ColumnStats(1, 1L, null, null));
    assertThat(file.stats().get(2)).isEqualTo(new ColumnStats(2, null, null, null));
  }

  @Test
  void stringBoundsUseCodePointOrderWhateverTheOrderOfRows() {
    Schema schema = Schema.builder().optional("s", Types.STRING).build();
    List<List<String>> orders = List.of(
        List.of("\uFFFD", SUPPLEMENTARY, "a"), List.of("a", "\uFFFD", SUPPLEMENTARY),
        List.of(SUPPLEMENTARY, "\uFFFD", "a"), List.of("a", SUPPLEMENTARY, "\uFFFD"),
        List.of("\uE000", "\uD7FF", SUPPLEMENTARY, "b"));
    for (List<String> order : orders) {
      AddFile file = writeOne(schema, order.stream().map(v -> Record.of(schema, v)).toList());
      // String.compareTo would make U+FFFD the max
      String min = order.contains("b") ? "b" : "a";
      assertThat(file.stats().get(1)).as("rows %s", order).isEqualTo(new ColumnStats(0, null, min, SUPPLEMENTARY));
    }
  }

  @Test
  void longStringBoundsAreTruncatedToSixteenCodePoints() {
    Schema schema = Schema.builder().optional("s", Types.STRING).build();
    AddFile file = writeOne(schema, List.of(
        Record.of(schema, "aaaaaaaaaaaaaaaaaaaa"), Record.of(schema, "zzzzzzzzzzzzzzzzzzzz")));
    assertThat(file.stats().get(1)).isEqualTo(new ColumnStats(0, null, "aaaaaaaaaaaaaaaa", "zzzzzzzzzzzzzzz{"));
  }

  @Test
  void longStringUpperBoundCarriesPastMaximalCodePointsOrIsDropped() {
    Schema schema = Schema.builder().optional("s", Types.STRING).build();
    AddFile carried = writeOne(schema, List.of(Record.of(schema, "abcdefghijklmn" + MAX_CP + MAX_CP + "xyz")));
    assertThat(carried.stats().get(1).max()).isEqualTo("abcdefghijklmo");
    assertThat(carried.stats().get(1).min()).isEqualTo("abcdefghijklmn" + MAX_CP + MAX_CP);
    AddFile dropped = TestData.write(io, table(), schema, WriterOptions.defaults(),
        List.of(Record.of(schema, MAX_CP.repeat(20)))).get(0);
    assertThat(dropped.stats().get(1)).isEqualTo(new ColumnStats(0, null, MAX_CP.repeat(16), null));
  }

  @Test
  void longBinaryBoundsAreTruncatedToSixteenBytesCarryingPastFf() {
    Schema schema = Schema.builder().optional("b", Types.BINARY).build();
    int[] low = new int[20];
    int[] high = new int[20];
    for (int i = 0; i < 20; i++) {
      low[i] = 1;
      high[i] = i < 14 ? 0x7F : 0xFF;
    }
    AddFile file = writeOne(schema, List.of(Record.of(schema, TestData.bytes(high)), Record.of(schema, TestData.bytes(low))));
    int[] lowPrefix = new int[16];
    java.util.Arrays.fill(lowPrefix, 1);
    int[] highBound = new int[14];
    java.util.Arrays.fill(highBound, 0x7F);
    highBound[13] = 0x80;
    assertThat(file.stats().get(1)).isEqualTo(new ColumnStats(0, null, b64(lowPrefix), b64(highBound)));

    int[] allFf = new int[17];
    java.util.Arrays.fill(allFf, 0xFF);
    AddFile none = TestData.write(io, table(), schema, WriterOptions.defaults(),
        List.of(Record.of(schema, TestData.bytes(allFf)))).get(0);
    assertThat(none.stats().get(1).max()).isNull();
    assertThat(none.stats().get(1).min()).isEqualTo(b64(java.util.Arrays.copyOf(allFf, 16)));
  }

  @Test
  void binaryBoundsCompareUnsignedBytes() {
    Schema schema = Schema.builder().optional("b", Types.BINARY).build();
    AddFile file = writeOne(schema, List.of(Record.of(schema, TestData.bytes(0x80)), Record.of(schema, TestData.bytes(0x01)),
        Record.of(schema, TestData.bytes(0x01, 0x00))));
    assertThat(file.stats().get(1)).isEqualTo(new ColumnStats(0, null, b64(0x01), b64(0x80)));
  }

  @Test
  void floatBoundsIgnoreNanAndTimestampBoundsAreTruncatedToMicros() {
    Schema schema = Schema.builder().optional("f", Types.FLOAT).optional("ts", Types.TIMESTAMP)
        .optional("dt", Types.DATE).optional("ntz", Types.TIMESTAMP_NTZ).optional("dec", Types.decimal(5, 1)).build();
    AddFile file = writeOne(schema, List.of(
        Record.of(schema, Float.NaN, Instant.ofEpochSecond(0, 1_999), LocalDate.of(2020, 5, 5),
            LocalDateTime.of(2020, 1, 1, 0, 0, 0, 1_500), new BigDecimal("1.5")),
        Record.of(schema, -0.5f, Instant.ofEpochSecond(-5, 999), LocalDate.of(2020, 5, 4),
            LocalDateTime.of(2020, 1, 1, 0, 0), new BigDecimal("-1.5")),
        Record.of(schema, 3.25f, null, null, null, null)));
    assertThat(file.stats().get(1)).isEqualTo(new ColumnStats(0, 1L, -0.5d, 3.25d));
    assertThat(file.stats().get(2)).isEqualTo(new ColumnStats(1, null, "1969-12-31T23:59:55Z", "1970-01-01T00:00:00.000001Z"));
    assertThat(file.stats().get(3)).isEqualTo(new ColumnStats(1, null, "2020-05-04", "2020-05-05"));
    assertThat(file.stats().get(4)).isEqualTo(new ColumnStats(1, null, ntz("2020-01-01T00:00:00"), ntz("2020-01-01T00:00:00.000001")));
    assertThat(file.stats().get(5)).isEqualTo(new ColumnStats(1, null, "-1.5", "1.5"));
  }

  @Test
  void writerOptionsCheckTheCodecAndSize() {
    assertThat(WriterOptions.defaults()).isEqualTo(new WriterOptions(128L << 20, "snappy"));
    assertThat(new WriterOptions(1, "LZ4_RAW").compression()).isEqualTo("lz4_raw");
    assertThat(new WriterOptions(1, "Zstd").codec()).isEqualTo(CompressionCodecName.ZSTD);
    assertThatThrownBy(() -> new WriterOptions(1, "lzo")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("lzo");
    assertThatThrownBy(() -> new WriterOptions(1, "brotli")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> new WriterOptions(1, null)).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> new WriterOptions(0, "snappy")).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void writerOptionsFromTableProperties() {
    assertThat(WriterOptions.fromProperties(Map.of())).isEqualTo(WriterOptions.defaults());
    assertThat(WriterOptions.fromProperties(Map.of("write.target-file-size-bytes", "1048576",
        "write.parquet.compression", "GZIP"))).isEqualTo(new WriterOptions(1 << 20, "gzip"));
    assertThatThrownBy(() -> WriterOptions.fromProperties(Map.of("write.target-file-size-bytes", "big")))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("write.target-file-size-bytes");
    assertThatThrownBy(() -> WriterOptions.fromProperties(Map.of("write.parquet.compression", "lzo")))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("write.parquet.compression");
  }

  @Test
  void codecChosenIsTheOneInTheFile() throws Exception {
    Schema schema = Schema.builder().required("id", Types.LONG).build();
    List<AddFile> files = TestData.write(io, table(), schema, new WriterOptions(1 << 20, "zstd"),
        List.of(Record.of(schema, 1L)));
    ParquetMetadata footer = TestData.footer(io, table() + "/" + files.get(0).path());
    assertThat(footer.getBlocks().get(0).getColumns().get(0).getCodec()).isEqualTo(CompressionCodecName.ZSTD);
  }

  private static Object ntz(String value) {
    return JsonValues.toJson(Types.TIMESTAMP_NTZ, LocalDateTime.parse(value));
  }

  private static int id(String column) {
    NestedField f = ALL_TYPES.column(column);
    return f.id();
  }

  private static String b64(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return Base64.getEncoder().encodeToString(b);
  }
}

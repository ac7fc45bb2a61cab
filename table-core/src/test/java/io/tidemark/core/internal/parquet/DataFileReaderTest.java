package io.tidemark.core.internal.parquet;

import static io.tidemark.core.internal.parquet.TestData.ALL_TYPES;
import static io.tidemark.core.internal.parquet.TestData.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataFileReaderTest {
  @TempDir
  Path dir;

  private final FileIO io = new LocalFileIO();

  private String table() {
    return dir.toString();
  }

  private AddFile writeOne(Schema schema, List<Record> records) {
    List<AddFile> files = TestData.write(io, table(), schema, WriterOptions.defaults(), records);
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  @Test
  void everyTypeNestedValueAndNullRoundTrips() {
    List<Record> records = TestData.allTypesRecords();
    AddFile file = writeOne(ALL_TYPES, records);
    List<Record> read = TestData.read(io, table(), file, ALL_TYPES);
    assertThat(read).containsExactlyElementsOf(records);
  }

  @Test
  void valuesReadBackAsTheDocumentedJavaClasses() {
    AddFile file = writeOne(ALL_TYPES, TestData.allTypesRecords());
    Record r = TestData.read(io, table(), file, ALL_TYPES).get(0);
    assertThat(r.struct()).isEqualTo(ALL_TYPES.asStruct());
    assertThat(r.get("dec9")).isInstanceOf(BigDecimal.class);
    assertThat(((BigDecimal) r.get("dec38")).scale()).isEqualTo(10);
    assertThat(r.get("ts")).isInstanceOf(Instant.class);
    assertThat(r.get("ts_ntz")).isInstanceOf(LocalDateTime.class);
    assertThat(((ByteBuffer) r.get("bin")).isReadOnly()).isTrue();
    assertThat(((Record) r.get("point")).struct()).isEqualTo(TestData.POINT);
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) r.get("tags");
    assertThatThrownBy(() -> tags.add("x")).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<Object, Object> attrs = (Map<Object, Object>) r.get("attrs");
    assertThat(attrs.keySet()).containsExactly("z", "a", "m");
    assertThatThrownBy(() -> attrs.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void binaryValuesFromADictionaryAreIndependentBuffers() {
    Schema schema = Schema.builder().optional("bin", Types.BINARY).build();
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(Record.of(schema, TestData.bytes(1, 2, 3)));
    }
    AddFile file = writeOne(schema, records);
    List<Record> read = TestData.read(io, table(), file, schema);
    ByteBuffer first = (ByteBuffer) read.get(0).get(0);
    first.get();
    assertThat(((ByteBuffer) read.get(1).get(0)).remaining()).isEqualTo(3);
  }

  @Test
  void timestampsKeepMicrosecondsAndTruncateNanosTowardNegativeInfinity() {
    Schema schema = Schema.builder().optional("ts", Types.TIMESTAMP).optional("ntz", Types.TIMESTAMP_NTZ).build();
    List<Record> records = List.of(
        Record.of(schema, Instant.ofEpochSecond(10, 123_456_789), LocalDateTime.of(2020, 1, 1, 0, 0, 0, 999_999_999)),
        Record.of(schema, Instant.ofEpochSecond(-1, 999_999_999), LocalDateTime.of(1960, 1, 1, 0, 0, 0, 1)));
    AddFile file = writeOne(schema, records);
    List<Record> read = TestData.read(io, table(), file, schema);
    assertThat(read.get(0).get("ts")).isEqualTo(Instant.ofEpochSecond(10, 123_456_000));
    assertThat(read.get(0).get("ntz")).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 999_999_000));
    assertThat(read.get(1).get("ts")).isEqualTo(Instant.ofEpochSecond(-1, 999_999_000));
    assertThat(read.get(1).get("ntz")).isEqualTo(LocalDateTime.of(1960, 1, 1, 0, 0, 0, 0));
  }

  @Test
  void projectionOfASubsetReadsOnlyThoseColumns() {
    List<Record> records = TestData.allTypesRecords();
    AddFile file = writeOne(ALL_TYPES, records);
    Schema projection = ALL_TYPES.select(List.of("id", "s", "point"));
    List<Record> read = TestData.read(io, table(), file, projection);
    assertThat(read).hasSize(records.size());
    for (int i = 0; i < records.size(); i++) {
      Record r = read.get(i);
      assertThat(r.struct()).isEqualTo(projection.asStruct());
      assertThat(r.get("id")).isEqualTo(records.get(i).get("id"));
      assertThat(r.get("s")).isEqualTo(records.get(i).get("s"));
      assertThat(r.get("point")).isEqualTo(records.get(i).get("point"));
    }
  }

  @Test
  void reorderedProjectionFollowsTheProjectionOrder() {
    List<Record> records = TestData.allTypesRecords();
    AddFile file = writeOne(ALL_TYPES, records);
    Schema projection = ALL_TYPES.select(List.of("attrs", "dec18", "id"));
    List<Record> read = TestData.read(io, table(), file, projection);
    assertThat(read.get(0).get(0)).isEqualTo(records.get(0).get("attrs"));
    assertThat(read.get(0).get(1)).isEqualTo(records.get(0).get("dec18"));
    assertThat(read.get(0).get(2)).isEqualTo(1L);
  }

  @Test
  void columnsAreMatchedByIdNotByName() {
    Schema written = new Schema(List.of(NestedField.required(1, "a", Types.LONG), NestedField.optional(2, "b", Types.STRING)));
    AddFile file = writeOne(written, List.of(Record.of(written, 7L, "x")));
    // renamed and swapped names: id decides
    Schema renamed = new Schema(List.of(NestedField.optional(2, "a", Types.STRING), NestedField.required(1, "b", Types.LONG)));
    Record r = TestData.read(io, table(), file, renamed).get(0);
    assertThat(r.get("a")).isEqualTo("x");
    assertThat(r.get("b")).isEqualTo(7L);
  }

  @Test
  void projectedIdMissingFromTheFileReadsAsNull() {
    Schema written = new Schema(List.of(NestedField.required(1, "a", Types.LONG)));
    AddFile file = writeOne(written, List.of(Record.of(written, 7L), Record.of(written, 8L)));
    Schema evolved = new Schema(List.of(NestedField.required(1, "a", Types.LONG),
        NestedField.optional(5, "added", Types.STRING),
        NestedField.optional(6, "s", new StructType(List.of(NestedField.optional(7, "x", Types.INT))))));
    List<Record> read = TestData.read(io, table(), file, evolved);
    assertThat(read).extracting(r -> r.get("a")).containsExactly(7L, 8L);
    assertThat(read).extracting(r -> r.get("added")).containsExactly(null, null);
    assertThat(read).extracting(r -> r.get("s")).containsExactly(null, null);
  }

  @Test
  void projectionWithNoColumnInTheFileStillYieldsEveryRow() {
    Schema written = new Schema(List.of(NestedField.required(1, "a", Types.LONG)));
    AddFile file = writeOne(written, List.of(Record.of(written, 7L), Record.of(written, 8L), Record.of(written, 9L)));
    Schema other = new Schema(List.of(NestedField.optional(9, "z", Types.INT)));
    List<Record> read = TestData.read(io, table(), file, other);
    assertThat(read).hasSize(3).allSatisfy(r -> assertThat(r.get("z")).isNull());
    assertThat(TestData.read(io, table(), file, new Schema(List.of()))).hasSize(3);
  }

  @Test
  void nestedStructMembersAreResolvedById() {
    List<Record> records = TestData.allTypesRecords();
    AddFile file = writeOne(ALL_TYPES, records);
    NestedField point = ALL_TYPES.column("point");
    StructType pointType = (StructType) point.type();
    NestedField inner = pointType.field("inner");
    NestedField y = pointType.field("y");
    // keep only inner and y, reversed, plus a member the file lacks
    StructType projectedPoint = new StructType(List.of(inner, NestedField.optional(999, "missing", Types.INT), y));
    Schema projection = new Schema(List.of(new NestedField(point.id(), "point", projectedPoint, false, null)));
    List<Record> read = TestData.read(io, table(), file, projection);
    Record p0 = (Record) read.get(0).get(0);
    assertThat(p0.struct()).isEqualTo(projectedPoint);
    assertThat(p0.get("inner")).isEqualTo(Record.of(TestData.INNER, "label"));
    assertThat(p0.get("missing")).isNull();
    assertThat(p0.get("y")).isEqualTo(2.0);
    Record p1 = (Record) read.get(1).get(0);
    assertThat(p1.get("y")).isNull();
    assertThat(p1.get("inner")).isNull();
    assertThat(read.get(2).get(0)).as("null struct stays null").isNull();
  }

  @Test
  void structWhoseProjectedMembersAreAllMissingIsStillNullOrNotAsInTheFile() {
    Schema written = new Schema(List.of(NestedField.required(1, "id", Types.INT),
        NestedField.optional(2, "s", new StructType(List.of(NestedField.optional(3, "x", Types.INT))))));
    StructType ws = (StructType) written.column("s").type();
    AddFile file = writeOne(written, List.of(Record.of(written, 1, Record.of(ws, 5)), Record.of(written, 2, null)));
    StructType projected = new StructType(List.of(NestedField.optional(4, "y", Types.STRING)));
    Schema projection = new Schema(List.of(NestedField.optional(2, "s", projected)));
    List<Record> read = TestData.read(io, table(), file, projection);
    assertThat(read.get(0).get(0)).isEqualTo(Record.of(projected, (Object) null));
    assertThat(read.get(1).get(0)).isNull();
  }

  @Test
  void listElementStructsAndMapValuesAreProjectedById() {
    List<Record> records = TestData.allTypesRecords();
    AddFile file = writeOne(ALL_TYPES, records);
    NestedField points = ALL_TYPES.column("points");
    ListType pointsType = (ListType) points.type();
    StructType element = (StructType) pointsType.elementType();
    StructType projectedElement = new StructType(List.of(NestedField.optional(998, "gone", Types.STRING),
        new NestedField(element.fields().get(0).id(), "renamed", Types.LONG, false, null)));
    NestedField nested = ALL_TYPES.column("nested");
    Schema projection = new Schema(List.of(
        new NestedField(points.id(), "points", new ListType(pointsType.elementId(), projectedElement, false), false, null),
        nested));
    List<Record> read = TestData.read(io, table(), file, projection);
    assertThat(read.get(0).get("points")).isEqualTo(listOf(
        Record.of(projectedElement, null, 1L), null, Record.of(projectedElement, null, null)));
    assertThat(read.get(0).get("nested")).isEqualTo(records.get(0).get("nested"));
  }

  @Test
  void intPromotesToLongFloatToDoubleAndDecimalWidens() {
    Schema written = new Schema(List.of(
        NestedField.optional(1, "i", Types.INT),
        NestedField.optional(2, "f", Types.FLOAT),
        NestedField.optional(3, "d9", Types.decimal(9, 2)),
        NestedField.optional(4, "d18", Types.decimal(18, 2)),
        NestedField.optional(5, "d20", Types.decimal(20, 2)),
        NestedField.optional(6, "li", new ListType(7, Types.INT, false)),
        NestedField.optional(8, "m", new MapType(9, Types.STRING, 10, Types.FLOAT, false))));
    StructType ws = written.asStruct();
    AddFile file = writeOne(written, List.of(
        Record.of(ws, 5, 1.5f, new BigDecimal("1234567.89"), new BigDecimal("-12.34"),
            new BigDecimal("123456789012345678.90"), listOf(1, null, -3), TestData.orderedMap("a", 2.5f)),
        Record.of(ws, null, Float.NaN, null, null, null, null, null)));
    Schema wider = new Schema(List.of(
        NestedField.optional(1, "i", Types.LONG),
        NestedField.optional(2, "f", Types.DOUBLE),
        NestedField.optional(3, "d9", Types.decimal(12, 2)),
        NestedField.optional(4, "d18", Types.decimal(38, 2)),
        NestedField.optional(5, "d20", Types.decimal(30, 2)),
        NestedField.optional(6, "li", new ListType(7, Types.LONG, false)),
        NestedField.optional(8, "m", new MapType(9, Types.STRING, 10, Types.DOUBLE, false))));
    List<Record> read = TestData.read(io, table(), file, wider);
    Record r = read.get(0);
    assertThat(r.get("i")).isEqualTo(5L);
    assertThat(r.get("f")).isEqualTo(1.5d);
    assertThat(r.get("d9")).isEqualTo(new BigDecimal("1234567.89"));
    assertThat(r.get("d18")).isEqualTo(new BigDecimal("-12.34"));
    assertThat(r.get("d20")).isEqualTo(new BigDecimal("123456789012345678.90"));
    assertThat(r.get("li")).isEqualTo(listOf(1L, null, -3L));
    assertThat(r.get("m")).isEqualTo(Map.of("a", 2.5d));
    assertThat((Double) read.get(1).get("f")).isNaN();
    assertThat(read.get(1).get("i")).isNull();
  }

  @Test
  void incompatibleTypeIsASchemaMismatchNamingTheFieldAndFile() {
    Schema written = new Schema(List.of(NestedField.optional(1, "a", Types.STRING)));
    AddFile file = writeOne(written, List.of(Record.of(written, "x")));
    Schema wrong = new Schema(List.of(NestedField.optional(1, "a", Types.INT)));
    assertThatThrownBy(() -> TestData.read(io, table(), file, wrong))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining(file.path());
    Schema narrower = new Schema(List.of(NestedField.optional(1, "a", Types.decimal(5, 2))));
    assertThatThrownBy(() -> TestData.read(io, table(), file, narrower)).isInstanceOf(SchemaMismatchException.class);
  }

  @Test
  void decimalNarrowingOrRescalingIsRejected() {
    Schema written = new Schema(List.of(NestedField.optional(1, "a", Types.decimal(10, 2))));
    AddFile file = writeOne(written, List.of(Record.of(written, new BigDecimal("1.25"))));
    assertThatThrownBy(() -> TestData.read(io, table(), file,
        new Schema(List.of(NestedField.optional(1, "a", Types.decimal(9, 2))))))
        .isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> TestData.read(io, table(), file,
        new Schema(List.of(NestedField.optional(1, "a", Types.decimal(12, 3))))))
        .isInstanceOf(SchemaMismatchException.class);
  }

  @Test
  void fileThatIsNotParquetIsAStorageErrorNamingTheFile() throws Exception {
    Path bogus = dir.resolve("bogus.parquet");
    Files.writeString(bogus, "this is not a parquet file at all");
    assertThatThrownBy(() -> DataFileReader.open(io.newInputFile(bogus.toString()), ALL_TYPES))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(bogus.toString());
    Path tiny = dir.resolve("tiny.parquet");
    Files.writeString(tiny, "PAR1");
    assertThatThrownBy(() -> DataFileReader.open(io.newInputFile(tiny.toString()), ALL_TYPES))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(tiny.toString());
  }

  @Test
  void missingFileIsAStorageErrorNamingTheFile() {
    String missing = dir.resolve("missing.parquet").toString();
    assertThatThrownBy(() -> DataFileReader.open(io.newInputFile(missing), ALL_TYPES))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(missing);
  }

  @Test
  void readsRowGroupByRowGroup() {
    Schema schema = Schema.builder().required("id", Types.LONG).required("s", Types.STRING).build();
    List<Record> records = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      records.add(Record.of(schema, i, "value-" + i + "-" + "x".repeat(50)));
    }
    // 1 MiB target: several row groups in one or more files
    List<AddFile> files = TestData.write(io, table(), schema, new WriterOptions(1 << 20, "uncompressed"), records);
    List<Record> read = new ArrayList<>();
    for (AddFile f : files) {
      read.addAll(TestData.read(io, table(), f, schema));
    }
    assertThat(read).containsExactlyElementsOf(records);
  }

  @Test
  void iteratorCanBeClosedEarlyAndEndsCleanly() {
    Schema schema = Schema.builder().required("id", Types.LONG).build();
    List<Record> records = new ArrayList<>();
    for (long i = 0; i < 10; i++) {
      records.add(Record.of(schema, i));
    }
    AddFile file = writeOne(schema, records);
    CloseableIterator<Record> it = DataFileReader.open(io.newInputFile(table() + "/" + file.path()), schema);
    assertThat(it.next().get(0)).isEqualTo(0L);
    it.close();
    assertThat(it.hasNext()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "gzip", "lz4_raw", "uncompressed", "ZSTD"})
  void everyCompressionCodecRoundTrips(String codec) {
    List<Record> records = TestData.allTypesRecords();
    List<AddFile> files = TestData.write(io, table(), ALL_TYPES, new WriterOptions(128L << 20, codec), records);
    assertThat(files).hasSize(1);
    assertThat(TestData.read(io, table(), files.get(0), ALL_TYPES)).containsExactlyElementsOf(records);
  }
}

package io.tidemark.core.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import io.tidemark.spec.types.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnarFileWriterTest {
  private static final long SEED = 20261207L;
  /**
   * {@link RandomRecords#SCHEMA} without its list and map: every primitive type, decimals in each
   * form, and a struct nested in a struct, with nulls at every level.
   */
  private static final Schema UNREPEATED = withoutListsAndMaps(RandomRecords.SCHEMA);

  @TempDir
  Path dir;

  @Test
  void filesOfASchemaOfPrimitivesAndStructsAreByteForByteThoseOfParquetHadoopsWriter() throws Exception {
    Random random = new Random(SEED);
    RandomRecords source = new RandomRecords(random);
    long[] rowGroupSizes = {2 << 10, 16 << 10, 1 << 20, 128L << 20};
    int severalRowGroups = 0;
    long id = 0;
    for (int file = 0; file < 40; file++) {
      source.newFile();
      int rows = 1 + random.nextInt(random.nextBoolean() ? 300 : 4_000);
      List<Record> records = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        records.add(project(source.next(id++)));
      }
      long rowGroupSize = rowGroupSizes[random.nextInt(rowGroupSizes.length)];
      boolean dictionary = random.nextBoolean();
      CompressionCodecName codec = random.nextBoolean() ? CompressionCodecName.SNAPPY : CompressionCodecName.UNCOMPRESSED;
      String what = String.format("file %d: %d rows, row groups of %d bytes, dictionary %s, %s", file, rows,
          rowGroupSize, dictionary, codec);

      Path columnar = dir.resolve(file + "-columnar.parquet");
      Path parquet = dir.resolve(file + "-parquet.parquet");
      MessageType message = ParquetSchemas.convert(UNREPEATED);
      ValueWriters.Root root = ValueWriters.root(UNREPEATED.asStruct());
      ColumnarFileWriter writer = new ColumnarFileWriter(new LocalOutputFile(columnar), message,
          new RecordWriteSupport(message, root), root, new Codecs(), codec, rowGroupSize, dictionary);
      for (Record r : records) {
        writer.write(r);
      }
      writer.close();
      writeWithParquetHadoop(parquet, message, records, codec, rowGroupSize, dictionary);

      assertThat(Files.readAllBytes(columnar)).as(what).isEqualTo(Files.readAllBytes(parquet));
      if (writer.footer().getBlocks().size() > 1) {
        severalRowGroups++;
      }
    }
    assertThat(severalRowGroups).as("files cut into several row groups").isGreaterThan(5);
  }

  @Test
  void dataFileWriterWritesStructsThroughColumnsAsParquetHadoopWouldWithTheStatsOfItsRecords() throws Exception {
    Random random = new Random(SEED + 1);
    RandomRecords source = new RandomRecords(random);
    source.newFile();
    List<Record> records = new ArrayList<>();
    for (int r = 0; r < 1_000; r++) {
      records.add(project(source.next(r)));
    }
    FileIO io = new LocalFileIO();
    String table = dir.resolve("t").toString();
    AddFile columnar = writeOne(io, table, records, false);
    AddFile parquet = writeOne(io, table, records, true); // the test hook sends the file through ParquetWriter
    assertThat(columnar.recordCount()).isEqualTo(records.size());
    assertThat(columnar.stats()).containsExactlyEntriesOf(StatsOracle.expected(UNREPEATED.asStruct(), records));
    assertThat(parquet.stats()).isEqualTo(columnar.stats());
    assertThat(Files.readAllBytes(Path.of(table, columnar.path()))).isEqualTo(Files.readAllBytes(Path.of(table, parquet.path())));
    List<Record> read = TestData.read(io, table, columnar, UNREPEATED);
    assertThat(read).hasSize(records.size());
    // values come back at microsecond precision; the ids show every row is there, in order
    assertThat(read.stream().map(r -> r.get("id")).toList())
        .isEqualTo(records.stream().map(r -> r.get("id")).toList());
  }

  private static AddFile writeOne(FileIO io, String table, List<Record> records, boolean throughParquetWriter) {
    try (DataFileWriter writer = new DataFileWriter(io, table, UNREPEATED, WriterOptions.defaults())) {
      if (throughParquetWriter) {
        writer.parquetSettings(builder -> {});
      }
      for (Record r : records) {
        writer.write(r);
      }
      List<AddFile> files = writer.finish();
      assertThat(files).hasSize(1);
      return files.get(0);
    }
  }

  @Test
  void schemasWithAListOrAMapAtAnyDepthGoThroughParquetHadoopsWriter() {
    assertThat(UNREPEATED.column("point").type()).isInstanceOf(StructType.class);
    assertThat(ColumnarFileWriter.supports(ParquetSchemas.convert(UNREPEATED))).isTrue();
    assertThat(ColumnarFileWriter.supports(ParquetSchemas.convert(RandomRecords.SCHEMA))).isFalse();
    Schema list = Schema.builder().required("id", Types.LONG).optional("tags", Types.list(Types.STRING)).build();
    assertThat(ColumnarFileWriter.supports(ParquetSchemas.convert(list))).isFalse();
    Schema nested = Schema.builder().required("id", Types.LONG)
        .optional("s", Types.struct(Types.optional("m", Types.map(Types.STRING, Types.LONG)))).build();
    assertThat(ColumnarFileWriter.supports(ParquetSchemas.convert(nested))).isFalse();
  }

  private static Schema withoutListsAndMaps(Schema schema) {
    Schema.Builder builder = Schema.builder();
    for (NestedField f : schema.columns()) {
      if (!(f.type() instanceof ListType) && !(f.type() instanceof MapType)) {
        builder.column(f.name(), f.type(), f.required(), null);
      }
    }
    return builder.build();
  }

  /** The values of a record of the full schema, for the same columns of {@link #UNREPEATED}. */
  private static Record project(Record full) {
    return (Record) convert(full, UNREPEATED.asStruct());
  }

  /** A value again for the same type with other field ids: structs are made anew, field by field. */
  private static Object convert(Object value, Type type) {
    if (value == null || !(type instanceof StructType struct)) {
      return value;
    }
    Record record = (Record) value;
    List<Object> values = new ArrayList<>();
    for (NestedField f : struct.fields()) {
      values.add(convert(record.get(f.name()), f.type()));
    }
    return Record.of(struct, values.toArray());
  }

  private static void writeWithParquetHadoop(Path file, MessageType message, List<Record> records,
      CompressionCodecName codec, long rowGroupSize, boolean dictionary) throws Exception {
    RecordWriteSupport support = new RecordWriteSupport(message, ValueWriters.root(UNREPEATED.asStruct()));
    try (ParquetWriter<Record> writer = new DataFileWriter.Builder(new LocalOutputFile(file), support)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new Codecs())
        .withCompressionCodec(codec)
        .withRowGroupSize(rowGroupSize)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withDictionaryEncoding(dictionary)
        .build()) {
      for (Record r : records) {
        writer.write(r);
      }
    }
  }
}

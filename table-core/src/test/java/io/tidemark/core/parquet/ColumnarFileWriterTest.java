package io.tidemark.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
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
  /** The top-level primitive columns of {@link RandomRecords#SCHEMA}: every primitive type, decimals in each form. */
  private static final Schema FLAT = flat(RandomRecords.SCHEMA);

  @TempDir
  Path dir;

  @Test
  void filesOfAFlatSchemaAreByteForByteThoseOfParquetHadoopsWriter() throws Exception {
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
      MessageType message = ParquetSchemas.convert(FLAT);
      ValueWriters.Root root = ValueWriters.root(FLAT.asStruct());
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
  void dataFileWriterWritesAFlatSchemaThroughColumnsAsParquetHadoopWouldWithTheStatsOfItsRecords() throws Exception {
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
    assertThat(columnar.stats()).containsExactlyEntriesOf(StatsOracle.expected(FLAT.asStruct(), records));
    assertThat(parquet.stats()).isEqualTo(columnar.stats());
    assertThat(Files.readAllBytes(Path.of(table, columnar.path()))).isEqualTo(Files.readAllBytes(Path.of(table, parquet.path())));
    List<Record> read = TestData.read(io, table, columnar, FLAT);
    assertThat(read).hasSize(records.size());
    // values come back at microsecond precision; the ids show every row is there, in order
    assertThat(read.stream().map(r -> r.get("id")).toList())
        .isEqualTo(records.stream().map(r -> r.get("id")).toList());
  }

  private static AddFile writeOne(FileIO io, String table, List<Record> records, boolean throughParquetWriter) {
    try (DataFileWriter writer = new DataFileWriter(io, table, FLAT, WriterOptions.defaults())) {
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
  void onlySchemasOfTopLevelPrimitiveColumnsAreFlat() {
    assertThat(ColumnarFileWriter.supports(ParquetSchemas.convert(FLAT))).isTrue();
    assertThat(ColumnarFileWriter.supports(ParquetSchemas.convert(RandomRecords.SCHEMA))).isFalse();
    Schema list = Schema.builder().required("id", Types.LONG).optional("tags", Types.list(Types.STRING)).build();
    assertThat(ColumnarFileWriter.supports(ParquetSchemas.convert(list))).isFalse();
  }

  private static Schema flat(Schema schema) {
    Schema.Builder builder = Schema.builder();
    for (NestedField f : schema.columns()) {
      if (!f.type().isNested()) {
        builder.column(f.name(), f.type(), f.required(), null);
      }
    }
    return builder.build();
  }

  /** The values of the flat columns of a record of the full schema. */
  private static Record project(Record full) {
    List<Object> values = new ArrayList<>();
    for (NestedField f : FLAT.columns()) {
      values.add(full.get(f.name()));
    }
    return Record.of(FLAT, values.toArray());
  }

  private static void writeWithParquetHadoop(Path file, MessageType message, List<Record> records,
      CompressionCodecName codec, long rowGroupSize, boolean dictionary) throws Exception {
    RecordWriteSupport support = new RecordWriteSupport(message, ValueWriters.root(FLAT.asStruct()));
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

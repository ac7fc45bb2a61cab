package io.tidemark.bench;

import io.tidemark.core.data.Record;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The baseline: parquet-hadoop's own {@link ParquetWriter} and {@link ParquetReader}, with
 * parquet-hadoop's own codec factory, driven by the smallest possible write and read supports.
 * The writer takes the very {@link Record} objects Tidemark is given and emits each column with one
 * record-consumer call; the reader materializes each row into an {@code Object[]} of the same Java
 * values Tidemark returns (Long, Instant, String, Double, String; strings decoded once per
 * dictionary entry, as Tidemark does). Files have the exact Parquet schema Tidemark writes
 * (spec.md's mapping of the benchmark schema, field ids included; {@code ParquetBaselineTest}
 * compares it with the footer of a file Tidemark wrote), parquet-hadoop's default page, row-group
 * and dictionary settings (which Tidemark uses too), and the same codec.
 */
final class ParquetBaseline {
  /** The Parquet schema both sides write. */
  static final MessageType SCHEMA = Types.buildMessage()
      .required(PrimitiveTypeName.INT64).id(id("id")).named("id")
      .required(PrimitiveTypeName.INT64)
          .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).id(id("ts")).named("ts")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).id(id("category")).named("category")
      .optional(PrimitiveTypeName.DOUBLE).id(id("value")).named("value")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).id(id("payload")).named("payload")
      .named("table");

  private ParquetBaseline() {}

  private static int id(String column) {
    return Dataset.SCHEMA.column(column).id();
  }

  /** Writes rows {@code [from, to)} into a new file; returns how many were written. */
  static long write(OutputFile file, Record[] rows, int from, int to, CompressionCodecName codec) throws IOException {
    try (ParquetWriter<Record> writer = new WriterBuilder(file)
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(codec)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build()) {
      for (int i = from; i < to; i++) {
        writer.write(rows[i]);
      }
    }
    return (long) to - from;
  }

  /** Reads every row of a file (or the rows the filter keeps) and adds them to the tally. */
  static void read(InputFile file, FilterCompat.Filter filter, Tally tally) throws IOException {
    ParquetReader.Builder<Object[]> builder = new ReaderBuilder(file);
    if (filter != null) {
      builder.withFilter(filter);
    }
    try (ParquetReader<Object[]> reader = builder.build()) {
      Object[] row;
      while ((row = reader.read()) != null) {
        tally.add(Dataset.checksum(row[0], row[1], row[2], row[3], row[4]));
      }
    }
  }

  /** Rows seen and their checksum. */
  static final class Tally {
    long rows;
    long checksum;

    void add(long rowChecksum) {
      rows++;
      checksum += rowChecksum;
    }
  }

  private static final class WriterBuilder extends ParquetWriter.Builder<Record, WriterBuilder> {
    WriterBuilder(OutputFile file) {
      super(file);
    }

    @Override
    protected WriterBuilder self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    protected WriteSupport<Record> getWriteSupport(Configuration conf) {
      return new RecordWrites();
    }

    @Override
    protected WriteSupport<Record> getWriteSupport(ParquetConfiguration conf) {
      return new RecordWrites();
    }
  }

  /** One record-consumer call per value; the schema's five columns in order. */
  private static final class RecordWrites extends WriteSupport<Record> {
    private RecordConsumer rc;

    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
      return new WriteContext(SCHEMA, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(SCHEMA, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.rc = recordConsumer;
    }

    /**
     * A string as a byte-array-backed Binary: parquet hashes and compares those faster than the
     * buffer-backed ones {@code Binary.fromString} makes, so the baseline gets the faster form
     * (as Tidemark's writer uses it).
     */
    private static Binary utf8(String s) {
      return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(Record r) {
      rc.startMessage();
      rc.startField("id", 0);
      rc.addLong((Long) r.get(Dataset.ID));
      rc.endField("id", 0);
      Instant ts = (Instant) r.get(Dataset.TS);
      rc.startField("ts", 1);
      rc.addLong(Math.addExact(Math.multiplyExact(ts.getEpochSecond(), 1_000_000L), ts.getNano() / 1000));
      rc.endField("ts", 1);
      Object category = r.get(Dataset.CATEGORY);
      if (category != null) {
        rc.startField("category", 2);
        rc.addBinary(utf8((String) category));
        rc.endField("category", 2);
      }
      Object value = r.get(Dataset.VALUE);
      if (value != null) {
        rc.startField("value", 3);
        rc.addDouble((Double) value);
        rc.endField("value", 3);
      }
      Object payload = r.get(Dataset.PAYLOAD);
      if (payload != null) {
        rc.startField("payload", 4);
        rc.addBinary(utf8((String) payload));
        rc.endField("payload", 4);
      }
      rc.endMessage();
    }
  }

  private static final class ReaderBuilder extends ParquetReader.Builder<Object[]> {
    ReaderBuilder(InputFile file) {
      // Not super(file): that one builds a Hadoop Configuration, parsing core-default.xml for every
      // file read, which would charge the baseline for something no tuned reader does.
      super(file, new PlainParquetConfiguration());
    }

    @Override
    protected ReadSupport<Object[]> getReadSupport() {
      return new RowReads();
    }
  }

  /** Materializes rows of the five columns into {@code Object[]}. */
  private static final class RowReads extends ReadSupport<Object[]> {
    @Override
    public ReadContext init(InitContext context) {
      return new ReadContext(context.getFileSchema());
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(Configuration conf, Map<String, String> keyValueMetaData,
        MessageType fileSchema, ReadContext readContext) {
      return new RowMaterializer();
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(ParquetConfiguration conf, Map<String, String> keyValueMetaData,
        MessageType fileSchema, ReadContext readContext) {
      return new RowMaterializer();
    }
  }

  private static final class RowMaterializer extends RecordMaterializer<Object[]> {
    private final RowConverter root = new RowConverter();

    @Override
    public Object[] getCurrentRecord() {
      return root.row;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  private static final class RowConverter extends GroupConverter {
    private Object[] row;
    private final Converter[] columns = {
        new PrimitiveConverter() {
          @Override
          public void addLong(long value) {
            row[0] = value;
          }
        },
        new PrimitiveConverter() {
          @Override
          public void addLong(long micros) {
            row[1] = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
          }
        },
        new StringConverter(2),
        new PrimitiveConverter() {
          @Override
          public void addDouble(double value) {
            row[3] = value;
          }
        },
        new StringConverter(4),
    };

    @Override
    public Converter getConverter(int fieldIndex) {
      return columns[fieldIndex];
    }

    @Override
    public void start() {
      row = new Object[5];
    }

    @Override
    public void end() {}

    /** Decodes each dictionary entry once per column chunk. */
    private final class StringConverter extends PrimitiveConverter {
      private final int position;
      private String[] dictionary;

      StringConverter(int position) {
        this.position = position;
      }

      @Override
      public boolean hasDictionarySupport() {
        return true;
      }

      @Override
      public void setDictionary(Dictionary dict) {
        String[] decoded = new String[dict.getMaxId() + 1];
        for (int i = 0; i < decoded.length; i++) {
          decoded[i] = dict.decodeToBinary(i).toStringUsingUTF8();
        }
        dictionary = decoded;
      }

      @Override
      public void addValueFromDictionary(int dictionaryId) {
        row[position] = dictionary[dictionaryId];
      }

      @Override
      public void addBinary(Binary value) {
        row[position] = value.toStringUsingUTF8();
      }
    }
  }
}

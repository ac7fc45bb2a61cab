package io.tidemark.core.internal.parquet;

import static io.tidemark.spec.types.Types.BINARY;
import static io.tidemark.spec.types.Types.BOOLEAN;
import static io.tidemark.spec.types.Types.DATE;
import static io.tidemark.spec.types.Types.DOUBLE;
import static io.tidemark.spec.types.Types.FLOAT;
import static io.tidemark.spec.types.Types.INT;
import static io.tidemark.spec.types.Types.LONG;
import static io.tidemark.spec.types.Types.STRING;
import static io.tidemark.spec.types.Types.TIMESTAMP;
import static io.tidemark.spec.types.Types.TIMESTAMP_NTZ;
import static io.tidemark.spec.types.Types.decimal;
import static io.tidemark.spec.types.Types.list;
import static io.tidemark.spec.types.Types.map;
import static io.tidemark.spec.types.Types.optional;
import static io.tidemark.spec.types.Types.required;
import static io.tidemark.spec.types.Types.struct;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** A schema with every type and records that exercise nulls at every level. */
final class TestData {
  static final Schema ALL_TYPES = Schema.builder()
      .required("id", LONG)
      .optional("b", BOOLEAN)
      .optional("i", INT)
      .optional("l", LONG)
      .optional("f", FLOAT)
      .optional("d", DOUBLE)
      .optional("dec9", decimal(9, 2))
      .optional("dec18", decimal(18, 4))
      .optional("dec38", decimal(38, 10))
      .optional("day", DATE)
      .optional("ts", TIMESTAMP)
      .optional("ts_ntz", TIMESTAMP_NTZ)
      .optional("s", STRING)
      .optional("bin", BINARY)
      .optional("point", struct(required("x", DOUBLE), optional("y", DOUBLE),
          optional("inner", struct(optional("label", STRING)))))
      .optional("tags", list(STRING))
      .optional("attrs", map(STRING, LONG))
      .optional("points", list(struct(optional("x", INT))))
      .optional("nested", map(INT, list(LONG)))
      .build();

  static final StructType POINT = (StructType) ALL_TYPES.column("point").type();
  static final StructType INNER = (StructType) POINT.field("inner").type();
  static final StructType POINTS_ELEMENT = (StructType) ((ListType) ALL_TYPES.column("points").type()).elementType();

  private TestData() {}

  static ByteBuffer bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(b).asReadOnlyBuffer();
  }

  static <K, V> Map<K, V> orderedMap(Object... keysAndValues) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    @SuppressWarnings("unchecked")
    Map<K, V> out = (Map<K, V>) m;
    return out;
  }

  static List<Object> listOf(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  /** Records covering every type, nulls at every level, empty and null collections. */
  static List<Record> allTypesRecords() {
    List<Record> out = new ArrayList<>();
    out.add(Record.of(ALL_TYPES,
        1L, true, 42, 1234567890123L, 1.5f, 2.25, new BigDecimal("1234567.89"),
        new BigDecimal("12345678901234.5678"), new BigDecimal("1234567890123456789012345678.0123456789"),
        LocalDate.of(2024, 1, 2), Instant.parse("2024-01-02T10:00:00.000001Z"),
        LocalDateTime.parse("2024-01-02T10:00:00.000001"), "héllo 😀", bytes(0, 1, 0xFF),
        Record.of(POINT, 1.0, 2.0, Record.of(INNER, "label")),
        listOf("a", null, "c"),
        orderedMap("z", 1L, "a", null, "m", 3L),
        listOf(Record.of(POINTS_ELEMENT, 1), null, Record.of(POINTS_ELEMENT, (Object) null)),
        orderedMap(3, listOf(1L, null), 1, listOf(), 2, null)));
    out.add(Record.of(ALL_TYPES,
        2L, false, -7, Long.MIN_VALUE, Float.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("-0.01"),
        new BigDecimal("-99999999999999.9999"), new BigDecimal("-9999999999999999999999999999.9999999999"),
        LocalDate.of(1969, 12, 31), Instant.parse("1969-12-31T23:59:59.999999Z"),
        LocalDateTime.parse("1900-01-01T00:00:00"), "", bytes(),
        Record.of(POINT, -1.0, null, null),
        listOf(),
        orderedMap(),
        listOf(),
        orderedMap()));
    out.add(Record.of(ALL_TYPES,
        3L, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null));
    out.add(Record.of(ALL_TYPES,
        4L, null, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, Double.NaN, new BigDecimal("9999999.99"),
        new BigDecimal("99999999999999.9999"), new BigDecimal("9999999999999999999999999999.9999999999"),
        LocalDate.of(9999, 12, 31), Instant.parse("2262-01-01T00:00:00Z"),
        LocalDateTime.parse("2262-01-01T00:00:00"), "plain", bytes(0x80),
        Record.of(POINT, 0.0, 0.5, Record.of(INNER, (Object) null)),
        listOf((Object) null),
        orderedMap("k", null),
        listOf((Object) null),
        orderedMap(7, listOf((Object) null))));
    return out;
  }

  static List<AddFile> write(FileIO io, String table, Schema schema, WriterOptions options, List<Record> records) {
    try (DataFileWriter writer = new DataFileWriter(io, table, schema, options)) {
      for (Record r : records) {
        writer.write(r);
      }
      return writer.finish();
    }
  }

  static List<Record> read(FileIO io, String table, AddFile file, Schema projection) {
    List<Record> out = new ArrayList<>();
    try (CloseableIterator<Record> it = DataFileReader.open(io.newInputFile(table + "/" + file.path()), projection)) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  static ParquetMetadata footer(FileIO io, String location) throws IOException {
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
        .withCodecFactory(new Codecs()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(ParquetInput.of(io.newInputFile(location)), options)) {
      return reader.getFooter();
    }
  }

  static MapType mapType(Schema schema, String column) {
    return (MapType) schema.column(column).type();
  }
}

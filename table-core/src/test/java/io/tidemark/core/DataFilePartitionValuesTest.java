package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-file descriptions carry partition values as Java values of the spec's result types. */
class DataFilePartitionValuesTest {
  static final Schema SCHEMA = SchemaDdl.parse(
      "id long not null, ts timestamp, region string, price decimal(9,2), tag binary");

  @TempDir
  Path dir;

  private Table create() {
    return Tables.create(dir.resolve("t").toString(), SCHEMA, PartitionSpec.parse(SCHEMA,
        "day(ts), bucket(4, id), region, truncate(10, price), tag"), Map.of());
  }

  private static Record row(long id) {
    return Record.of(SCHEMA, id, Instant.parse("2024-03-05T10:00:00Z"), "eu", new BigDecimal("12.34"),
        ByteBuffer.wrap("k".getBytes(StandardCharsets.UTF_8)));
  }

  private static List<DataFile> write(Table table, long id) {
    try (DataWriter w = table.newDataWriter()) {
      w.write(row(id));
      return w.finish();
    }
  }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  @Test
  void writersAndSnapshotsDescribeFilesWithTypedValuesByNameAndPosition() {
    Table table = create();
    DataFile file = write(table, 7).get(0);
    assertThat(file.partitionValues()).containsOnlyKeys("ts_day", "id_bucket", "region", "price_trunc", "tag");
    assertThat(file.partitionValue("ts_day")).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(file.partitionValue("id_bucket")).isInstanceOf(Integer.class);
    assertThat(file.partitionValue(2)).isEqualTo("eu");
    assertThat(file.partitionValue(3)).isEqualTo(new BigDecimal("12.30"));
    assertThat(file.partitionValue("tag")).isEqualTo(ByteBuffer.wrap("k".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> file.partitionValue("nope")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("ts_day");
    assertThatThrownBy(() -> file.partitionValue(5)).isInstanceOf(InvalidArgumentException.class);

    table.newAppendFiles().appendFile(file).commit();
    assertThat(table.refresh().dataFiles()).containsExactly(file);
    assertThat(table.newScan().plan().files()).containsExactly(file);
  }

  @Test
  void descriptionsWithBinaryValuesSurviveJavaSerializationAndCommit() throws Exception {
    Table table = create();
    DataFile file = write(table, 3).get(0);
    DataFile copy = (DataFile) roundTrip(file);
    assertThat(copy).isEqualTo(file);
    assertThat(copy.partitionValue("tag")).isInstanceOf(ByteBuffer.class);
    table.newAppendFiles().appendFile(copy).commit();
    assertThat(table.refresh().recordCount()).isEqualTo(1);
  }

  @Test
  void valuesOfTheWrongTypeOrRangeOrAnUnknownFieldAreRefused() {
    Table table = create();
    DataFile good = write(table, 1).get(0);
    Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
    bad.put("day as a string", with(good, "ts_day", "2024-03-05"));
    bad.put("bucket as a long", with(good, "id_bucket", 1L));
    bad.put("bucket out of range", with(good, "id_bucket", 9));
    bad.put("decimal as a double", with(good, "price_trunc", 12.3));
    Map<String, Object> unknown = new LinkedHashMap<>(good.partitionValues());
    unknown.put("nope", 1);
    bad.put("unknown field", unknown);
    for (Map.Entry<String, Map<String, Object>> e : bad.entrySet()) {
      DataFile f = new DataFile(good.path(), good.specId(), e.getValue(), good.fileSizeBytes(), good.recordCount(),
          good.columnStatistics());
      assertThatThrownBy(() -> table.newAppendFiles().appendFile(f).commit()).as(e.getKey())
          .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("not values of spec");
    }
    assertThat(table.refresh().version()).isZero();
  }

  private static Map<String, Object> with(DataFile f, String key, Object value) {
    Map<String, Object> values = new LinkedHashMap<>(f.partitionValues());
    values.put(key, value);
    return values;
  }

  @Test
  void positionsFollowTheSpecOrder() {
    Table table = create();
    DataFile file = write(table, 2).get(0);
    List<Object> byPosition = new ArrayList<>();
    for (int i = 0; i < file.partitionValues().size(); i++) {
      byPosition.add(file.partitionValue(i));
    }
    assertThat(byPosition).containsExactlyElementsOf(file.partitionValues().values());
    assertThat(byPosition.get(0)).isEqualTo(LocalDate.of(2024, 3, 5));
  }
}

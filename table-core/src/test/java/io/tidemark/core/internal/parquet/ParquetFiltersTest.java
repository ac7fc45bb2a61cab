package io.tidemark.core.internal.parquet;

import static io.tidemark.core.expr.Expressions.parse;
import static io.tidemark.core.internal.expr.RandomData.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.internal.expr.RandomData;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.spec.types.Comparators;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import io.tidemark.spec.types.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetFiltersTest {
  private static final int GROUP_ROWS = 50;

  @TempDir
  Path dir;

  private int files;

  /** Writes the rows into a Parquet file with field ids, GROUP_ROWS rows per row group. */
  private Path write(Schema schema, List<Record> rows) throws IOException {
    Path file = dir.resolve("f" + (files++) + ".parquet");
    MessageType type = ParquetSchemas.convert(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(type)
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .withRowGroupRowCountLimit(GROUP_ROWS)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (Record r : rows) {
        Group g = groups.newGroup();
        fill(g, schema.asStruct(), r);
        writer.write(g);
      }
    }
    return file;
  }

  private static void fill(Group g, StructType struct, Record r) {
    for (int i = 0; i < struct.fields().size(); i++) {
      Object v = r.get(i);
      Type type = struct.fields().get(i).type();
      if (v == null) {
        continue;
      }
      if (type instanceof StructType s) {
        fill(g.addGroup(i), s, (Record) v);
      } else if (type instanceof DecimalType) {
        g.add(i, ((BigDecimal) v).unscaledValue().intValueExact());
      } else {
        switch ((PrimitiveType) type) {
          case BOOLEAN -> g.add(i, (Boolean) v);
          case INT -> g.add(i, (Integer) v);
          case LONG -> g.add(i, (Long) v);
          case FLOAT -> g.add(i, (Float) v);
          case DOUBLE -> g.add(i, (Double) v);
          case DATE -> g.add(i, (int) ((LocalDate) v).toEpochDay());
          case TIMESTAMP -> g.add(i, micros((Instant) v));
          case TIMESTAMP_NTZ -> g.add(i, micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
          case STRING -> g.add(i, Binary.fromString((String) v));
          case BINARY -> g.add(i, Binary.fromConstantByteBuffer(((ByteBuffer) v).duplicate()));
          default -> throw new IllegalStateException();
        }
      }
    }
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  /** The indexes of the row groups Parquet keeps with this filter (all without a predicate). */
  private static Set<Integer> keptGroups(Path file, Schema schema, Expression filter) throws IOException {
    // every file here is written with the Parquet schema of SCHEMA
    FilterPredicate p = ParquetFilters.convert(Binder.bind(schema, filter), ParquetSchemas.convert(SCHEMA));
    ParquetReadOptions.Builder options = ParquetReadOptions.builder(new PlainParquetConfiguration());
    if (p != null) {
      options.withRecordFilter(FilterCompat.get(p)).useStatsFilter(true).useDictionaryFilter(true);
    }
    Set<Integer> kept = new TreeSet<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options.build())) {
      for (BlockMetaData block : reader.getRowGroups()) {
        kept.add((int) (block.getRowIndexOffset() / GROUP_ROWS));
      }
    }
    return kept;
  }

  private static FilterPredicate convert(Schema schema, String filter) {
    return ParquetFilters.convert(Binder.bind(schema, parse(filter)), ParquetSchemas.convert(schema));
  }

  private List<Record> rows(long seed, int count) {
    RandomData data = new RandomData(seed);
    List<Record> rows = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      rows.add(data.row(r));
    }
    return rows;
  }

  @Test
  void aLongInListOfIntegersBecomesItsRangeAndOfOtherValuesNothing() {
    String ids = java.util.stream.LongStream.range(0, 100).map(i -> i * 3 + 5).mapToObj(Long::toString)
        .collect(java.util.stream.Collectors.joining(", "));
    assertThat(convert(SCHEMA, "id in (" + ids + ")").toString()).contains("gteq").contains("5").contains("302")
        .doesNotContain(" in(");
    String names = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "'n" + i + "'")
        .collect(java.util.stream.Collectors.joining(", "));
    assertThat(convert(SCHEMA, "s in (" + names + ")")).isNull();
  }

  @Test
  void dropsRowGroupsWhoseStatisticsRuleOutTheFilter() throws IOException {
    Path file = write(SCHEMA, rows(7, 400)); // id = row number, 8 row groups
    assertThat(keptGroups(file, SCHEMA, parse("id < 120"))).containsExactly(0, 1, 2);
    assertThat(keptGroups(file, SCHEMA, parse("id = 201 or id >= 399"))).containsExactly(4, 7);
    assertThat(keptGroups(file, SCHEMA, parse("id in (5, 305)"))).containsExactly(0, 6);
    assertThat(keptGroups(file, SCHEMA, parse("id > 1000"))).isEmpty();
    assertThat(keptGroups(file, SCHEMA, parse("not (id >= 50)"))).containsExactly(0);
    assertThat(keptGroups(file, SCHEMA, parse("id < 60 and d is nan"))).containsExactly(0, 1);
    assertThat(keptGroups(file, SCHEMA, parse("id < 60 or d is nan"))).hasSize(8);
  }

  @Test
  void skipsWhatParquetCannotExpressConservatively() {
    assertThat(convert(SCHEMA, "d is nan")).isNull();
    assertThat(convert(SCHEMA, "d is not nan or id = 1")).isNull();
    assertThat(convert(SCHEMA, "d is nan and id = 1")).isEqualTo(convert(SCHEMA, "id = 1"));
    assertThat(convert(SCHEMA, "true")).isNull();
    assertThat(convert(SCHEMA, "id = 1").toString()).isEqualTo("eq(id, 1)");
    assertThat(convert(SCHEMA, "d = 0").toString()).isIn("or(eq(d, -0.0), eq(d, 0.0))", "or(eq(d, 0.0), eq(d, -0.0))");
  }

  @Test
  void findsColumnsByFieldIdEvenWhenNamesHaveDotsOrWereRenamed() throws IOException {
    List<Record> rows = new ArrayList<>();
    for (int r = 0; r < 200; r++) {
      rows.add(Record.builder(SCHEMA).set("id", (long) r).set("odd.name", r)
          .set("point", Record.of(RandomData.POINT, (double) r, "p" + r)).build());
    }
    Path file = write(SCHEMA, rows);
    assertThat(keptGroups(file, SCHEMA, parse("`odd.name` >= 150"))).containsExactly(3);
    assertThat(keptGroups(file, SCHEMA, parse("point.x < 50"))).containsExactly(0);
    // the table renamed the columns since the file was written: ids still match
    Schema renamed = new Schema(SCHEMA.columns().stream()
        .map(f -> new NestedField(f.id(), f.name().equals("odd.name") ? "even" : f.name() + "_new", f.type(),
            f.required(), null))
        .toList());
    assertThat(keptGroups(file, renamed, parse("even >= 150"))).containsExactly(3);
    assertThat(keptGroups(file, renamed, parse("id_new < 50"))).containsExactly(0);
  }

  /**
   * Every physical column type Tidemark writes, top-level, nested in a struct and with a dot in its
   * name, gets a predicate that Parquet prunes row groups with: if the way filter columns are made
   * stopped working with a new Parquet version, this fails instead of pruning silently stopping.
   */
  @Test
  void prunesRowGroupsByEveryPhysicalTypeAndKindOfPredicate() throws IOException {
    List<Record> rows = new ArrayList<>();
    for (int r = 0; r < 200; r++) {
      String text = String.format("%04d", r);
      rows.add(Record.builder(SCHEMA).set("id", (long) r).set("i", r).set("odd.name", r).set("f", (float) r)
          .set("d", (double) r).set("dec", BigDecimal.valueOf(r, 0).setScale(2)).set("s", text)
          .set("bin", ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .set("flag", r >= 150).set("ts", Instant.EPOCH.plusSeconds(r))
          .set("point", Record.of(RandomData.POINT, (double) r, text)).build());
    }
    Path file = write(SCHEMA, rows); // 4 row groups of 50
    Map<String, Set<Integer>> expected = new java.util.LinkedHashMap<>();
    expected.put("id >= 150", Set.of(3));
    expected.put("i < 50", Set.of(0));
    expected.put("`odd.name` = 175", Set.of(3));
    expected.put("`odd.name` in (5, 175)", Set.of(0, 3));
    expected.put("`odd.name` <= 49", Set.of(0));
    expected.put("`odd.name` > 149", Set.of(3));
    expected.put("`odd.name` is null", Set.of());
    expected.put("`odd.name` != 3 and `odd.name` < 60", Set.of(0, 1));
    expected.put("`odd.name` not in (1, 2) and `odd.name` >= 150", Set.of(3));
    expected.put("f >= 150", Set.of(3));
    expected.put("d < 50", Set.of(0));
    expected.put("dec >= 150", Set.of(3));
    expected.put("s = '0175'", Set.of(3));
    expected.put("s starts with '017'", Set.of(3));
    expected.put("bin = X'30313735'", Set.of(3));
    expected.put("flag = true", Set.of(3));
    expected.put("ts < '1970-01-01 00:00:50'", Set.of(0));
    expected.put("ts >= 150000000", Set.of(3));
    expected.put("point.x >= 150", Set.of(3));
    expected.put("point.label starts with '00'", Set.of(0, 1));
    expected.put("point.x is not null and id > 160", Set.of(3));
    for (Map.Entry<String, Set<Integer>> e : expected.entrySet()) {
      assertThat(convert(SCHEMA, e.getKey())).as(e.getKey()).isNotNull();
      assertThat(keptGroups(file, SCHEMA, parse(e.getKey()))).as(e.getKey())
          .containsExactlyInAnyOrderElementsOf(e.getValue());
    }
  }

  @Test
  void aColumnMissingFromTheFileIsNullInEveryRow() throws IOException {
    Path file = write(SCHEMA, rows(8, 100));
    List<NestedField> columns = new ArrayList<>(SCHEMA.columns());
    columns.add(NestedField.optional(100, "added", Types.INT));
    Schema evolved = new Schema(columns);
    assertThat(keptGroups(file, evolved, parse("added = 1"))).isEmpty();
    assertThat(keptGroups(file, evolved, parse("added is not null or added != 3"))).isEmpty();
    assertThat(keptGroups(file, evolved, parse("added is null"))).containsExactly(0, 1);
    assertThat(keptGroups(file, evolved, parse("added = 1 or id < 10"))).containsExactly(0);
    assertThat(keptGroups(file, evolved, parse("added = 1 and id < 10"))).isEmpty();
  }

  @Test
  void keepsRowGroupsOfNegativeZeroForFiltersOnZero() throws IOException {
    List<Record> rows = new ArrayList<>();
    for (int r = 0; r < 100; r++) {
      double d = r < GROUP_ROWS ? -0.0 : 0.0;
      rows.add(Record.builder(SCHEMA).set("id", (long) r).set("d", d).set("f", (float) d).build());
    }
    Path file = write(SCHEMA, rows);
    for (String filter : List.of("d = 0", "d = -0.0", "d <= 0", "d >= 0", "d in (0, 1)", "f = 0", "f >= 0",
        "f <= -0.0")) {
      assertThat(keptGroups(file, SCHEMA, parse(filter))).as(filter).containsExactly(0, 1);
    }
    assertThat(keptGroups(file, SCHEMA, parse("d < 0"))).as("nothing is below zero").isSubsetOf(0, 1);
  }

  @Test
  void prunesByStartsWithOnStrings() throws IOException {
    List<Record> rows = new ArrayList<>();
    for (int r = 0; r < 200; r++) {
      rows.add(Record.builder(SCHEMA).set("id", (long) r).set("s", String.format("key-%04d-%s", r, "x".repeat(30)))
          .build());
    }
    Path file = write(SCHEMA, rows);
    assertThat(keptGroups(file, SCHEMA, parse("s starts with 'key-01'"))).containsExactly(2, 3);
    assertThat(keptGroups(file, SCHEMA, parse("s starts with 'key-0150-xxx'"))).containsExactly(3);
    assertThat(keptGroups(file, SCHEMA, parse("s starts with 'kez'"))).isEmpty();
    assertThat(keptGroups(file, SCHEMA, parse("s not starts with 'key-'"))).isEmpty();
    assertThat(keptGroups(file, SCHEMA, parse("s not starts with 'key-00'"))).containsExactly(2, 3);
  }

  /**
   * Random rows and filters: a row group Parquet drops with the converted filter holds no row
   * that the filter matches. Files are sorted by different columns so that groups have narrow
   * statistics.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void neverDropsARowGroupWithAMatchingRow(long seed) throws IOException {
    List<Record> rows = rows(seed, 300);
    List<Path> paths = new ArrayList<>();
    List<List<Record>> contents = new ArrayList<>();
    for (List<String> column : List.of(List.of("id"), List.of("s"), List.of("ts"), List.of("d"), List.of("dec"),
        List.of("bin"), List.of("point", "label"))) {
      List<Record> sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.comparing(x -> sortKey(x, column), Comparator.nullsFirst(comparator(column))));
      paths.add(write(SCHEMA, sorted));
      contents.add(sorted);
    }
    RandomData data = new RandomData(seed * 31);
    int dropped = 0;
    for (int c = 0; c < 100; c++) {
      Expression filter = data.expression(2);
      RowEvaluator evaluator = new RowEvaluator(Binder.bind(SCHEMA, filter));
      for (int f = 0; f < paths.size(); f++) {
        Set<Integer> kept = keptGroups(paths.get(f), SCHEMA, filter);
        List<Record> content = contents.get(f);
        for (int g = 0; g * GROUP_ROWS < content.size(); g++) {
          if (kept.contains(g)) {
            continue;
          }
          dropped++;
          List<Record> group = content.subList(g * GROUP_ROWS, Math.min(content.size(), (g + 1) * GROUP_ROWS));
          for (Record row : group) {
            assertThat(evaluator.matches(row)).as("seed " + seed + " filter " + filter + " dropped group " + g
                + " of file " + f + " holding " + row).isFalse();
          }
        }
      }
    }
    assertThat(dropped).as("row groups dropped").isGreaterThan(100);
  }

  /** The value at a path of names; null for NaN, so that sorting gives row groups narrow bounds. */
  private static Object sortKey(Record row, List<String> path) {
    Object v = row;
    for (String name : path) {
      v = v == null ? null : ((Record) v).get(name);
    }
    return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN() ? null : v;
  }

  private static Comparator<Object> comparator(List<String> path) {
    Type type = SCHEMA.asStruct();
    for (String name : path) {
      type = ((StructType) type).field(name).type();
    }
    return Comparators.forType(type);
  }
}

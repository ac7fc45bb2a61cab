package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.OutsideTableException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Existing Parquet files, written by parquet-hadoop directly, imported by an append of files. */
class ImportFilesTest {
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, d date, name string");
  static final String WITH_IDS = "message m { required int64 id = 1; optional int32 d (DATE) = 2;"
      + " optional binary name (STRING) = 3; }";

  @TempDir
  Path dir;

  private Table create() {
    return Tables.create(dir.resolve("t").toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("d").build(),
        Map.of());
  }

  /** Writes rows (id, day since 2024-01-01 or null) into a file under the table with parquet-hadoop. */
  private String write(String relative, String schema, long from, long to, int... days) throws IOException {
    Path file = dir.resolve("t").resolve(relative);
    Files.createDirectories(file.getParent());
    MessageType type = MessageTypeParser.parseMessageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type)
        .withConf(new PlainParquetConfiguration()).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (long id = from; id < to; id++) {
        Group g = groups.newGroup();
        if (type.getType(0).asPrimitiveType().getPrimitiveTypeName().name().equals("INT32")) {
          g.add(0, (int) id);
        } else {
          g.add(0, id);
        }
        int day = days[(int) (id % days.length)];
        g.add(1, (int) LocalDate.of(2024, 1, 1).plusDays(day).toEpochDay());
        g.add(2, "n" + id);
        writer.write(g);
      }
    }
    return relative;
  }

  private static List<Long> ids(Table table) {
    return TestTables.read(table.newScan()).stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  @Test
  void aFileWithFieldIdsIsDescribedFromItsFooterAndCommitted() throws Exception {
    Table table = create();
    String path = write("data/import/a.parquet", WITH_IDS, 0, 100, 4);
    CommitResult result = table.newAppendFiles().importFile(path).commit();
    assertThat(result.version()).isEqualTo(1);
    DataFile file = table.refresh().dataFiles().iterator().next();
    assertThat(file.path()).isEqualTo(path);
    assertThat(file.recordCount()).isEqualTo(100);
    assertThat(file.fileSizeBytes()).isEqualTo(Files.size(dir.resolve("t").resolve(path)));
    assertThat(file.partitionValue("d")).isEqualTo(LocalDate.of(2024, 1, 5));
    assertThat(file.columnStatistics().get(1)).isEqualTo(new ColumnStatistics(0, null, 0L, 99L));
    assertThat(file.columnStatistics().get(3).nullCount()).isZero();
    assertThat(ids(table)).hasSize(100).first().isEqualTo(0L);
    assertThat(TestTables.read(table.newScan().filter(Expressions.greaterThanOrEqual("id", 90L)))).hasSize(10);
    assertThat(table.newScan().filter(Expressions.equal("d", LocalDate.of(2024, 1, 6))).plan().files()).isEmpty();
    assertThat(table.newScan().filter(Expressions.greaterThan("id", 99L)).plan().files()).isEmpty();
  }

  @Test
  void filesWithoutFieldIdsOrOfOtherTypesOrMissingARequiredColumnAreRefused() throws Exception {
    Table table = create();
    String noIds = write("data/x/no-ids.parquet", "message m { required int64 id; optional int32 d (DATE);"
        + " optional binary name (STRING); }", 0, 10, 1);
    assertThatThrownBy(() -> table.newAppendFiles().importFile(noIds)).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("field id");
    String intId = write("data/x/int-id.parquet", "message m { required int32 id = 1; optional int32 d (DATE) = 2;"
        + " optional binary name (STRING) = 3; }", 0, 10, 1);
    assertThatThrownBy(() -> table.newAppendFiles().importFile(intId)).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'id'").hasMessageContaining("INT64");
    String unknownId = write("data/x/unknown-id.parquet", "message m { required int64 id = 1;"
        + " optional int32 d (DATE) = 2; optional binary name (STRING) = 9; }", 0, 10, 1);
    assertThatThrownBy(() -> table.newAppendFiles().importFile(unknownId)).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("field id 9");
    String optionalId = write("data/x/optional-id.parquet", "message m { optional int64 id = 1;"
        + " optional int32 d (DATE) = 2; optional binary name (STRING) = 3; }", 0, 10, 1);
    assertThatThrownBy(() -> table.newAppendFiles().importFile(optionalId))
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("required");
    assertThat(table.refresh().version()).isZero();
  }

  @Test
  void aFileWhoseRowsSpanPartitionsIsRefused() throws Exception {
    Table table = create();
    String twoDays = write("data/x/two-days.parquet", WITH_IDS, 0, 10, 1, 2);
    assertThatThrownBy(() -> table.newAppendFiles().importFile(twoDays)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("several partitions");
    Table bucketed = Tables.create(dir.resolve("b").toString(), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).bucket("id", 4).build(), Map.of());
    Path source = dir.resolve("t").resolve(write("data/x/ids.parquet", WITH_IDS, 0, 10, 1));
    Files.createDirectories(dir.resolve("b/data"));
    Files.copy(source, dir.resolve("b/data/ids.parquet"));
    assertThatThrownBy(() -> bucketed.newAppendFiles().importFile("data/ids.parquet"))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("several partitions");
    Files.copy(dir.resolve("t").resolve(write("data/x/one-id.parquet", WITH_IDS, 5, 6, 1)),
        dir.resolve("b/data/one-id.parquet"));
    bucketed.newAppendFiles().importFile("data/one-id.parquet").commit();
    assertThat(ids(bucketed)).containsExactly(5L);
    assertThat(table.refresh().version()).isZero();
  }

  @Test
  void onlyFilesUnderTheTablesDataDirectoryAreImportedAndVacuumKeepsThem() throws Exception {
    Table table = create();
    String elsewhere = write("other/a.parquet", WITH_IDS, 0, 10, 1);
    assertThatThrownBy(() -> table.newAppendFiles().importFile(elsewhere))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("data/");
    assertThatThrownBy(() -> table.newAppendFiles().importFile("../a.parquet"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> table.newAppendFiles().importFile("data/missing.parquet"))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("does not exist");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.copy(dir.resolve("t").resolve(elsewhere), outside.resolve("a.parquet"));
    Files.createSymbolicLink(Files.createDirectories(dir.resolve("t/data")).resolve("linked"), outside);
    assertThatThrownBy(() -> table.newAppendFiles().importFile("data/linked/a.parquet"))
        .isInstanceOf(OutsideTableException.class);
    Files.delete(dir.resolve("t/data/linked"));

    String inside = write("data/imported/a.parquet", WITH_IDS, 0, 10, 1);
    table.newAppendFiles().importFile(inside).commit();
    assertThatThrownBy(() -> table.newAppendFiles().importFile(inside).commit())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("already in the table");
    table.vacuum().retain(Duration.ZERO).force(true).execute();
    assertThat(dir.resolve("t").resolve(inside)).exists();
    assertThat(ids(table)).hasSize(10);
    try (var files = Files.walk(dir.resolve("t/other"))) {
      assertThat(files.sorted(Comparator.reverseOrder()).filter(Files::isRegularFile).count()).isEqualTo(1);
    }
  }
}

package io.tidemark.core.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.deletes.DeletedRows;
import io.tidemark.core.internal.expr.Binder;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/** Reading a file without its deleted positions, across row groups and with row-group skipping. */
class DeletedRowsReadTest {
  private static final Schema SCHEMA = Schema.builder().required("id", Types.LONG).required("s", Types.STRING)
      .build();

  @TempDir
  Path dir;

  private final FileIO io = new LocalFileIO();

  private AddFile fileWithSeveralRowGroups() throws Exception {
    List<Record> records = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      records.add(Record.of(SCHEMA, i, "value-" + i + "-" + "x".repeat(50)));
    }
    List<AddFile> files;
    try (DataFileWriter writer = new DataFileWriter(io, dir.toString(), SCHEMA, WriterOptions.defaults())
        .parquetSettings(b -> b.withRowGroupSize(256 << 10))) {
      records.forEach(writer::write);
      files = writer.finish();
    }
    assertThat(files).hasSize(1);
    AddFile first = files.get(0);
    assertThat(TestData.footer(io, dir + "/" + first.path()).getBlocks()).hasSizeGreaterThan(2);
    return first;
  }

  @Test
  void positionsStayExactWhenPagesAreSkippedByColumnIndexes() throws Exception {
    List<Record> records = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      records.add(Record.of(SCHEMA, i, "s" + i));
    }
    AddFile file;
    try (DataFileWriter writer = new DataFileWriter(io, dir.toString(), SCHEMA, WriterOptions.defaults())
        .parquetSettings(b -> b.withRowGroupSize(256 << 10).withPageRowCountLimit(500))) {
      records.forEach(writer::write);
      file = writer.finish().get(0);
    }
    Roaring64NavigableMap positions = new Roaring64NavigableMap();
    positions.addLong(12_345);
    Expression bound = Binder.bind(SCHEMA, Expressions.and(Expressions.greaterThanOrEqual("id", 12_300L),
        Expressions.lessThan("id", 12_400L)));
    List<Long> seen = new ArrayList<>();
    try (PositionedRecords it = DataFileReader.open(io.newInputFile(dir + "/" + file.path()), SCHEMA, bound, null, 0,
        -1, DeletedRows.of(positions))) {
      while (it.hasNext()) {
        Record r = it.next();
        assertThat(it.position()).isEqualTo((Long) r.get(0)); // in this file a row's id is its position
        seen.add(it.position());
      }
    }
    assertThat(seen).contains(12_300L, 12_344L, 12_346L, 12_399L).doesNotContain(12_345L);
    assertThat(seen.size()).isLessThan(5_000); // pages and rows outside the range were skipped
  }

  private List<Long> ids(AddFile file, Expression filter, DeletedRows deleted, Schema projection) {
    Expression bound = filter == null ? null : Binder.bind(SCHEMA, filter);
    List<Long> out = new ArrayList<>();
    try (CloseableIterator<Record> it = DataFileReader.open(io.newInputFile(dir + "/" + file.path()), projection,
        bound, null, 0, -1, deleted)) {
      while (it.hasNext()) {
        Record r = it.next();
        out.add(projection.columns().isEmpty() || r.get(0) == null ? -1L : (Long) r.get(0));
      }
    }
    return out;
  }

  @Test
  void deletedPositionsAreLeftOutInEveryRowGroup() throws Exception {
    AddFile file = fileWithSeveralRowGroups();
    Roaring64NavigableMap positions = new Roaring64NavigableMap();
    for (long p = 0; p < file.recordCount(); p += 7) {
      positions.addLong(p);
    }
    List<Long> read = ids(file, null, DeletedRows.of(positions), SCHEMA);
    assertThat(read).hasSize((int) (file.recordCount() - positions.getLongCardinality()));
    assertThat(read).allSatisfy(id -> assertThat(id % 7).isNotZero());
    assertThat(read.get(read.size() - 1)).isEqualTo(file.recordCount() % 7 == 1 ? file.recordCount() - 2
        : file.recordCount() - 1);
  }

  @Test
  void rowGroupsSkippedByStatisticsKeepThePositionsOfTheOthers() throws Exception {
    AddFile file = fileWithSeveralRowGroups();
    long from = file.recordCount() - 100; // in the last row group only: the others are skipped
    Roaring64NavigableMap positions = new Roaring64NavigableMap();
    positions.addLong(from + 1);
    positions.addLong(from + 50);
    List<Long> read = ids(file, Expressions.greaterThanOrEqual("id", from), DeletedRows.of(positions), SCHEMA);
    // the reader leaves filtering to the caller: keep the matching ids
    List<Long> matching = read.stream().filter(id -> id >= from).toList();
    assertThat(matching).hasSize(98).doesNotContain(from + 1, from + 50).contains(from, from + 2, from + 99);
    assertThat(read.size()).isLessThan((int) file.recordCount() - 2);
  }

  @Test
  void aProjectionOfColumnsTheFileLacksCountsOnlyLiveRows() throws Exception {
    AddFile file = fileWithSeveralRowGroups();
    Roaring64NavigableMap positions = new Roaring64NavigableMap();
    positions.add(10L, 5010L);
    Schema other = new Schema(List.of(new NestedField(99, "absent", Types.STRING, false, null)));
    assertThat(ids(file, null, DeletedRows.of(positions), other)).hasSize((int) file.recordCount() - 5000);
  }
}

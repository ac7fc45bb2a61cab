package io.tidemark.bench;

import io.tidemark.core.DataFile;
import io.tidemark.core.DataWriter;
import io.tidemark.core.Table;
import io.tidemark.core.data.Micros;
import io.tidemark.core.data.Record;
import io.tidemark.core.data.ReusableRecord;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What filling records costs an engine (JMH, not part of the report): {@code rows} rows held in
 * columns, as an engine holds them (primitive arrays and strings; timestamps as microseconds),
 * turned into records and written into one data file by a {@link DataWriter} of a table whose
 * storage discards data bytes ({@link DiscardingFileIO}). {@link #recordOf} makes a checked,
 * immutable {@link Record#of} per row (boxing its primitives, an {@code Instant} for the
 * timestamp); {@link #reusable} fills one
 * {@link ReusableRecord} per row with its typed setters. At 100 rows the writer holds the rows
 * before its first file, so it copies each reusable row; at 10,000 it copies the first 255.
 * Run with {@code java -cp table-bench/target/table-bench-0.1.0-SNAPSHOT.jar:table-bench/target/lib/*
 * org.openjdk.jmh.Main RecordFillBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordFillBenchmark {
  /** Rows in the file. */
  @Param({"100", "10000"})
  public int rows;

  private final DiscardingFileIO io = new DiscardingFileIO();
  private final Table table = io.newTable(WriteWorkload.CODEC);
  private long[] ids;
  private long[] micros;
  private String[] categories;
  private double[] values;
  private String[] payloads;

  /** The benchmark's rows as columns, generated once from the benchmark's seed. */
  @Setup
  public void generate() {
    Record[] records = Dataset.generate(rows).rows;
    ids = new long[rows];
    micros = new long[rows];
    categories = new String[rows];
    values = new double[rows];
    payloads = new String[rows];
    for (int i = 0; i < rows; i++) {
      Record r = records[i];
      ids[i] = r.getLong(0);
      micros[i] = r.getTimestampMicros(1);
      categories[i] = r.getString(2);
      values[i] = r.getDouble(3);
      payloads[i] = r.getString(4);
    }
  }

  /** A new checked record per row. */
  @Benchmark
  public List<DataFile> recordOf() {
    try (DataWriter writer = table.newDataWriter()) {
      for (int i = 0; i < rows; i++) {
        writer.write(Record.of(Dataset.SCHEMA, ids[i], Micros.toInstant(micros[i]), categories[i], values[i],
            payloads[i]));
      }
      return writer.finish();
    }
  }

  /** One reusable record, set field by field for each row. */
  @Benchmark
  public List<DataFile> reusable() {
    ReusableRecord row = Record.reusable(Dataset.SCHEMA);
    try (DataWriter writer = table.newDataWriter()) {
      for (int i = 0; i < rows; i++) {
        row.setLong(0, ids[i]).setTimestampMicros(1, micros[i]).setString(2, categories[i]).setDouble(3, values[i])
            .setString(4, payloads[i]);
        writer.write(row);
      }
      return writer.finish();
    }
  }
}

package io.tidemark.bench;

import io.tidemark.core.DataFile;
import io.tidemark.core.DataWriter;
import io.tidemark.core.Table;
import io.tidemark.core.data.Record;
import java.io.IOException;
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
 * The cost of one small append's data file, per operation (JMH): {@code rows} rows of the benchmark
 * schema encoded into one Parquet file by a Tidemark {@link DataWriter} (statistics included)
 * and with parquet-hadoop's own writer ({@link ParquetBaseline}), both into storage that discards
 * the bytes. This is the part of a concurrent writer's commit that grows with neither the table nor
 * the other writers; the disk and the commit itself are measured by the commit workload.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SmallFileBenchmark {
  /** Rows in the file: the commit workload's small append. */
  @Param("100")
  public int rows;

  private final DiscardingFileIO io = new DiscardingFileIO();
  private final Table table = io.newTable(WriteWorkload.CODEC);
  private Record[] records;

  /** Generates the rows once, from the benchmark's seed. */
  @Setup
  public void generate() {
    records = Dataset.generate(rows).rows;
  }

  /** Tidemark: a table's data writer, the rows, finish (footer statistics into the file's description). */
  @Benchmark
  public List<DataFile> tidemark() {
    try (DataWriter writer = table.newDataWriter()) {
      for (Record r : records) {
        writer.write(r);
      }
      return writer.finish();
    }
  }

  /** parquet-hadoop: its writer, the rows, close. */
  @Benchmark
  public long parquet() throws IOException {
    return ParquetBaseline.write(io.newOutputFile("bench://file.parquet"), records, 0, records.length,
        WriteWorkload.PARQUET_CODEC);
  }
}

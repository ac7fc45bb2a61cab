package io.tidemark.bench;

import io.tidemark.core.data.Record;
import io.tidemark.core.internal.parquet.DataFileWriter;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.spec.actions.AddFile;
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
 * schema encoded into one Parquet file with Tidemark's {@link DataFileWriter} (statistics included)
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
  private final WriterOptions options = new WriterOptions(WriterOptions.defaults().targetFileSizeBytes(),
      WriteWorkload.CODEC);
  private Record[] records;

  /** Generates the rows once, from the benchmark's seed. */
  @Setup
  public void generate() {
    records = Dataset.generate(rows).rows;
  }

  /** Tidemark: a data file writer, the rows, finish (footer statistics into the add action). */
  @Benchmark
  public List<AddFile> tidemark() {
    try (DataFileWriter writer = new DataFileWriter(io, "bench://table", Dataset.SCHEMA, options).forceLater()) {
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

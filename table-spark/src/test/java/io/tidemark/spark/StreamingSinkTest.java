package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class StreamingSinkTest extends SparkTestBase {
  private static final StructType INPUT = new StructType().add("id", DataTypes.LongType).add("v", DataTypes.StringType);

  private static void writeInput(Path inputDir, String name, long from, long to) throws Exception {
    String lines = LongStream.range(from, to).mapToObj(i -> "{\"id\":" + i + ",\"v\":\"r" + i + "\"}")
        .collect(Collectors.joining("\n"));
    Path tmp = inputDir.getParent().resolve(name + ".tmp");
    Files.writeString(tmp, lines);
    Files.move(tmp, inputDir.resolve(name + ".json")); // the file source must not see a half-written file
  }

  private static void runOnce(Path inputDir, Path checkpoint, String table) throws Exception {
    StreamingQuery q = spark.readStream().schema(INPUT).option("maxFilesPerTrigger", 1).json(inputDir.toString())
        .writeStream().format("tidemark").option("checkpointLocation", checkpoint.toString())
        .trigger(Trigger.AvailableNow()).start(table);
    q.awaitTermination();
  }

  private static List<Long> ids(String table) {
    return spark.read().format("tidemark").load(table).orderBy("id").collectAsList().stream()
        .map(r -> r.getLong(0)).toList();
  }

  @Test
  void sourceDeliversEachCommittedAppendOnce() throws Exception {
    String table = newLocation("source");
    spark.range(0, 10).write().format("tidemark").mode("append").save(table);
    StreamingQuery q = spark.readStream().format("tidemark").load(table).where("id % 2 = 0")
        .writeStream().format("memory").queryName("evens").option("checkpointLocation",
            dir.resolve("source-checkpoint").toString()).start();
    try {
      q.processAllAvailable();
      assertThat(spark.sql("SELECT count(*) FROM evens").first().getLong(0)).isEqualTo(5);
      spark.range(10, 30).write().format("tidemark").mode("append").save(table);
      spark.range(30, 31).write().format("tidemark").mode("append").save(table);
      q.processAllAvailable();
      List<Long> ids = spark.sql("SELECT id FROM evens ORDER BY id").collectAsList().stream().map(r -> r.getLong(0))
          .toList();
      assertThat(ids).isEqualTo(LongStream.range(0, 31).filter(i -> i % 2 == 0).boxed().toList());

      spark.sql("DELETE FROM tm.`" + table + "` WHERE id = 4");
      org.assertj.core.api.Assertions.assertThatThrownBy(q::processAllAvailable)
          .hasStackTraceContaining("append-only");
    } finally {
      q.stop();
    }
  }

  @Test
  void restartedQueryAndReplayedBatchWriteEveryRowExactlyOnce() throws Exception {
    Path inputDir = Files.createDirectories(dir.resolve("stream-in/data"));
    Path checkpoint = dir.resolve("stream-checkpoint");
    String table = newLocation("stream");
    writeInput(inputDir, "a", 0, 10);
    writeInput(inputDir, "b", 10, 20);
    runOnce(inputDir, checkpoint, table);
    assertThat(ids(table)).isEqualTo(LongStream.range(0, 20).boxed().toList());

    writeInput(inputDir, "c", 20, 35);
    runOnce(inputDir, checkpoint, table); // a restart from the checkpoint
    assertThat(ids(table)).isEqualTo(LongStream.range(0, 35).boxed().toList());
    long version = Tables.open(table).currentSnapshot().version();

    // a crash after the table commit and before Spark recorded the batch: Spark runs the last
    // batch again on restart, and the sink must not add it twice
    Path commits = checkpoint.resolve("commits");
    try (var files = Files.list(commits)) {
      Path last = files.filter(p -> p.getFileName().toString().matches("\\d+"))
          .max((a, b) -> Long.compare(Long.parseLong(a.getFileName().toString()),
              Long.parseLong(b.getFileName().toString())))
          .orElseThrow();
      Files.delete(last);
      Files.deleteIfExists(commits.resolve("." + last.getFileName() + ".crc"));
    }
    runOnce(inputDir, checkpoint, table);
    assertThat(ids(table)).isEqualTo(LongStream.range(0, 35).boxed().toList());
    assertThat(Tables.open(table).currentSnapshot().version()).isEqualTo(version);
    Row sample = spark.read().format("tidemark").load(table).where("id = 34").first();
    assertThat(sample.getString(1)).isEqualTo("r34");
  }
}

package io.tidemark.bench;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.json.CommitCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one small append's commit file, per operation (JMH): encoding its actions into
 * {@code _log/<v>.json} (once per staged attempt) and decoding it (by every other writer that
 * catches up with it, and by every reader that replays it). The commit is a real one: a table is
 * made in a temporary directory, one append of 100 benchmark rows is committed, and its file read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommitCodecBenchmark {
  private byte[] content;
  private List<Action> actions;

  /** Commits one small append to a scratch table and keeps its commit file. */
  @Setup
  public void commitOne() throws IOException {
    Path dir = Files.createTempDirectory("tidemark-codec-bench");
    try {
      Table table = Tables.create(dir.resolve("t").toString(), Dataset.SCHEMA,
          Map.of(TableProperties.COMPRESSION, WriteWorkload.CODEC));
      try (AppendWriter writer = table.newAppend()) {
        for (Record r : Dataset.generate(100).rows) {
          writer.write(r);
        }
        writer.commit();
      }
      content = Files.readAllBytes(dir.resolve("t/_log/00000000000000000001.json"));
      actions = CommitCodec.decode("commit 1", content);
    } finally {
      Dirs.delete(dir);
    }
  }

  /** Encodes the commit's actions into the bytes of a commit file. */
  @Benchmark
  public byte[] encode() {
    return CommitCodec.encode(actions);
  }

  /** Decodes (and checks) the commit file's bytes into actions. */
  @Benchmark
  public List<Action> decode() {
    return CommitCodec.decode("commit 1", content);
  }
}

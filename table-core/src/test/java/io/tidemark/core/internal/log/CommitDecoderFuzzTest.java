package io.tidemark.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.json.CheckpointCodec;
import io.tidemark.spec.json.CommitCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the commit decoder ({@link CommitCodec#decode}) with mutated real commit files, and the
 * checkpoint decoder ({@link CheckpointCodec#decode}) with a mutated real checkpoint (both from
 * {@link FuzzTable}). For every mutation, decoding either fails with a {@link CorruptLogException}
 * naming the file, or returns its content, within a time limit; never another exception. Besides:
 *
 * <ul>
 *   <li>a mutation that changes no meaning ({@link CommitMutations#NEUTRAL}) decodes to exactly the
 *       original actions;</li>
 *   <li>a truncated file, a deleted or duplicated line and invalid UTF-8 are always corrupt;</li>
 *   <li>what decodes also encodes, and decodes again to the same content (the decoder accepts
 *       nothing the format cannot express).</li>
 * </ul>
 *
 * <p>{@code -Dtidemark.fuzz.iterations=N} (default 2,000; read by this test only) and the seed
 * ({@link FuzzSeed}) change what runs; failures name the seed.
 */
class CommitDecoderFuzzTest {
  private static final String FILE = "_log/fuzzed.json";
  private static ExecutorService executor;

  @TempDir
  static Path dir;
  private static final List<byte[]> commits = new ArrayList<>();
  private static byte[] checkpoint;
  private static final List<String> vocabulary = new ArrayList<>();

  /** A decoder under test, and the encoder that must take back what it accepts. */
  private record Codec<T>(Function<byte[], T> decode, Function<T, byte[]> encode) {
  }

  private static final Codec<List<Action>> COMMITS = new Codec<>(b -> CommitCodec.decode(FILE, b), CommitCodec::encode);
  private static final Codec<Checkpoint> CHECKPOINTS = new Codec<>(b -> CheckpointCodec.decode(FILE, b),
      CheckpointCodec::encode);

  @BeforeAll
  static void realCommits() throws Exception {
    Path table = dir.resolve("t");
    FuzzTable.create(table.toString());
    for (long v = 0; v <= FuzzTable.LATEST; v++) {
      byte[] bytes = Files.readAllBytes(table.resolve(LogFiles.commitPath(v)));
      commits.add(bytes);
      for (byte[] line : CommitMutations.lines(bytes)) {
        new ObjectMapper().readTree(line).findValues("path").forEach(p -> vocabulary.add(p.asText()));
      }
    }
    checkpoint = Files.readAllBytes(table.resolve(LogFiles.LOG_DIR).resolve(
        LogFiles.checkpointFileName(FuzzTable.CHECKPOINT)));
    vocabulary.addAll(List.of("", " ", "a", "x y/z", "category", "long", "string", "WRITE", "data", "../x.parquet",
        "%2e%2e/x", "NaN", "-Infinity", "2024-13-45", "9999999999999999999999", "decimal(99,99)", "struct", "list",
        "bucket[0]", "identity"));
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "decoder-fuzz");
      t.setDaemon(true);
      return t;
    });
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  @Test
  void mutatedCommitFilesDecodeOrFailAsCorruptNeverOtherwise() throws Exception {
    fuzz(COMMITS, commits);
  }

  @Test
  void mutatedCheckpointFilesDecodeOrFailAsCorruptNeverOtherwise() throws Exception {
    fuzz(CHECKPOINTS, List.of(checkpoint));
  }

  private static <T> void fuzz(Codec<T> codec, List<byte[]> files) throws Exception {
    int iterations = Integer.getInteger("tidemark.fuzz.iterations", 2_000);
    long seed = FuzzSeed.get();
    Random random = new Random(seed);
    CommitMutations mutations = new CommitMutations(random, vocabulary);
    for (int i = 0; i < iterations; i++) {
      int file = random.nextInt(files.size());
      byte[] original = files.get(file);
      CommitMutations.Mutation m = mutations.mutate(original);
      String where = "seed " + seed + " (-Dtidemark.fuzz.seed=" + seed + "), iteration " + i + ", file " + file + ", "
          + m;
      Future<?> check = executor.submit(() -> check(codec, original, m, where));
      try {
        check.get(20, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        check.cancel(true);
        throw new AssertionError("decoding hung: " + where, e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof AssertionError a ? a : new AssertionError(where, e.getCause());
      }
    }
  }

  private static <T> void check(Codec<T> codec, byte[] original, CommitMutations.Mutation m, String where) {
    T decoded;
    try {
      decoded = codec.decode.apply(m.bytes());
    } catch (CorruptLogException e) {
      assertThat(e.file()).as(where).isEqualTo(FILE);
      assertThat(CommitMutations.NEUTRAL).as("a neutral mutation was refused (%s): %s", e.getMessage(), where)
          .doesNotContain(m.kind());
      return;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new AssertionError("decoding threw " + e + ": " + where, e);
    }
    assertThat(CommitMutations.ALWAYS_CORRUPT).as("decoded a corrupt file: %s", where).doesNotContain(m.kind());
    if (CommitMutations.NEUTRAL.contains(m.kind())) {
      assertThat(decoded).as("neutral mutation: %s", where).isEqualTo(codec.decode.apply(original));
    }
    byte[] encoded;
    try {
      encoded = codec.encode.apply(decoded);
    } catch (RuntimeException e) {
      throw new AssertionError("decoded content cannot be encoded again (" + e + "): " + where, e);
    }
    assertThat(codec.decode.apply(encoded)).as("decode(encode(decoded)): %s", where).isEqualTo(decoded);
  }
}

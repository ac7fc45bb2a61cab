package io.tidemark.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.actions.Action;
import io.tidemark.spec.error.CorruptLogException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the commit decoder ({@link CommitCodec#decode}) with mutated real commit files (from
 * {@link FuzzTable}). For every mutation, decoding either fails with a {@link CorruptLogException}
 * naming the file, or returns actions, within a time limit; never another exception. Besides:
 *
 * <ul>
 *   <li>a mutation that changes no meaning ({@link CommitMutations#NEUTRAL}) decodes to exactly the
 *       original actions;</li>
 *   <li>a truncated file, a deleted or duplicated line and invalid UTF-8 are always corrupt;</li>
 *   <li>what decodes also encodes, and decodes again to the same actions (the decoder accepts
 *       nothing the format cannot express).</li>
 * </ul>
 *
 * <p>{@code -Dtidemark.fuzz.iterations=N} and {@code -Dtidemark.fuzz.seed=S} (read by this test
 * only) change the default 2,000 iterations and the random seed; failures name the seed.
 */
class CommitDecoderFuzzTest {
  private static final String FILE = "_log/fuzzed.json";
  private static ExecutorService executor;

  @TempDir
  static Path dir;
  private static final List<byte[]> commits = new ArrayList<>();
  private static final List<String> vocabulary = new ArrayList<>();

  @BeforeAll
  static void realCommits() throws Exception {
    String location = dir.resolve("t").toString();
    FuzzTable.create(location);
    for (long v = 0; v <= FuzzTable.LATEST; v++) {
      byte[] bytes = Files.readAllBytes(dir.resolve("t").resolve(LogFiles.commitPath(v)));
      commits.add(bytes);
      for (Action a : CommitCodec.decode(FILE, bytes)) {
        vocabulary.add(CommitCodec.toJson(a).replaceAll("[{}\"]", "").split("[:,]")[1]);
      }
    }
    vocabulary.addAll(List.of("", " ", "data", "../x.parquet", "%2e%2e/x", "NaN", "-Infinity", "2024-13-45",
        "9999999999999999999999", "decimal(99,99)", "struct", "list", "bucket[0]", "identity"));
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
    int iterations = Integer.getInteger("tidemark.fuzz.iterations", 2_000);
    long seed = Long.getLong("tidemark.fuzz.seed", new Random().nextLong());
    Random random = new Random(seed);
    CommitMutations mutations = new CommitMutations(random, vocabulary);
    for (int i = 0; i < iterations; i++) {
      int version = random.nextInt(commits.size());
      byte[] original = commits.get(version);
      CommitMutations.Mutation m = mutations.mutate(original);
      String where = "seed " + seed + " (-Dtidemark.fuzz.seed=" + seed + "), iteration " + i + ", commit "
          + version + ", " + m;
      Future<?> check = executor.submit(() -> check(original, m, where));
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

  private static void check(byte[] original, CommitMutations.Mutation m, String where) {
    List<Action> decoded;
    try {
      decoded = CommitCodec.decode(FILE, m.bytes());
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
      assertThat(decoded).as("neutral mutation: %s", where).isEqualTo(CommitCodec.decode(FILE, original));
    }
    byte[] encoded;
    try {
      encoded = CommitCodec.encode(decoded);
    } catch (RuntimeException e) {
      throw new AssertionError("decoded actions cannot be encoded again (" + e + "): " + where, e);
    }
    assertThat(CommitCodec.decode(FILE, encoded)).as("decode(encode(decoded)): %s", where).isEqualTo(decoded);
  }
}

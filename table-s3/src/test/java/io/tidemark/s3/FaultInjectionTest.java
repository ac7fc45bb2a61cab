package io.tidemark.s3;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static io.tidemark.s3.FaultyHttpClient.Fault.BODY_BROKEN;
import static io.tidemark.s3.FaultyHttpClient.Fault.CONFLICT;
import static io.tidemark.s3.FaultyHttpClient.Fault.INTERNAL_ERROR;
import static io.tidemark.s3.FaultyHttpClient.Fault.REFUSED;
import static io.tidemark.s3.FaultyHttpClient.Fault.RESPONSE_LOST;
import static io.tidemark.s3.FaultyHttpClient.Fault.SLOW_DOWN;
import static io.tidemark.s3.FaultyHttpClient.commitPut;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.CommitResult;
import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.PositionOutputStream;
import io.tidemark.spec.error.CommitStateUnknownException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Failures and timeouts injected into S3 requests: commits are never lost nor applied twice, and
 * no multipart upload is left behind.
 */
@ExtendWith(S3Extension.class)
class FaultInjectionTest {
  private static final long SEED = 20240917L;
  S3TestEnv env;
  FaultyHttpClient http;
  S3FileIO io;
  String root;

  @BeforeEach
  void setUp(S3TestEnv env) {
    this.env = env;
    http = new FaultyHttpClient();
    io = env.builder().partSize(S3FileIO.MIN_PART_SIZE).httpClient(http).build();
    root = env.newPrefix();
  }

  @AfterEach
  void tearDown() {
    io.close();
    http.close();
  }

  private long commitPutAttempts() {
    return http.requests().stream().filter(r -> r.startsWith("PUT ") && r.contains("/_log/")).count();
  }

  @Test
  void aCommitThatLandedButWhoseAnswerWasLostIsSettledAsOursAndAppliedOnce() {
    Table table = Tables.create(io, root + "/t", SCHEMA, Map.of());
    long before = commitPutAttempts();
    http.failNext(commitPut(), RESPONSE_LOST, 1);
    CommitResult result = append(table, rows(0, 10));
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(commitPutAttempts() - before).as("the SDK does not resend a conditional PUT").isEqualTo(1);
    Table fresh = Tables.open(env.io(), root + "/t");
    assertThat(fresh.history()).extracting(HistoryEntry::version).containsExactly(0L, 1L);
    assertThat(read(fresh.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 10));
  }

  @Test
  void aCommitThatNeverReachedTheServerIsRetriedAtTheSameVersion() {
    Table table = Tables.create(io, root + "/t", SCHEMA, Map.of());
    http.failNext(commitPut(), REFUSED, 1);
    http.failNext(commitPut(), INTERNAL_ERROR, 1);
    CommitResult result = append(table, rows(0, 10));
    assertThat(result.version()).isEqualTo(1);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(read(Tables.open(env.io(), root + "/t").newScan())).hasSize(10);
  }

  @Test
  void conflict409IsRetriedAnd412IsALostRaceUnlessAnEarlierAttemptIsUnknown() throws IOException {
    String loc = root + "/_log/00000000000000000005.json";
    http.failNext(commitPut(), CONFLICT, 2);
    assertThat(io.createExclusive(loc, "mine\n".getBytes(UTF_8))).isTrue();
    assertThat(commitPutAttempts()).isEqualTo(3);
    assertThat(io.createExclusive(loc, "again\n".getBytes(UTF_8))).isFalse();
    http.failNext(commitPut(), SLOW_DOWN, 1);
    assertThatThrownBy(() -> io.createExclusive(loc, "later\n".getBytes(UTF_8))).isInstanceOf(IOException.class)
        .hasMessageContaining("cannot tell whether");
    assertThat(env.io().readIfExists(loc)).hasValueSatisfying(b -> assertThat(new String(b, UTF_8)).isEqualTo("mine\n"));
  }

  @Test
  void randomFaultsWhileFourWritersAppendLoseNoCommitAndDuplicateNone() throws Exception {
    Table created = Tables.create(io, root + "/t", SCHEMA, Map.of());
    int threads = 4;
    int appends = 10;
    int rowsPer = 5;
    http.failNext(commitPut(), RESPONSE_LOST, 6);
    http.failAtRandom(0.12, SEED, List.of(REFUSED, RESPONSE_LOST, INTERNAL_ERROR, SLOW_DOWN, BODY_BROKEN));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Object>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        Table table = Tables.open(io, created.location());
        List<Object> outcomes = new ArrayList<>();
        for (int a = 0; a < appends; a++) {
          long first = ((long) thread * appends + a) * rowsPer;
          try {
            outcomes.add(append(table, rows(first, first + rowsPer)));
          } catch (RuntimeException e) {
            outcomes.add(e);
          }
        }
        return outcomes;
      }));
    }
    Set<Long> committedIds = new HashSet<>();
    Set<Long> unknownIds = new HashSet<>();
    Set<Long> versions = new HashSet<>();
    List<RuntimeException> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Object> outcomes = futures.get(t).get(5, TimeUnit.MINUTES);
      for (int a = 0; a < appends; a++) {
        long first = ((long) t * appends + a) * rowsPer;
        Object o = outcomes.get(a);
        if (o instanceof CommitResult r) {
          assertThat(versions.add(r.version())).as("version %d reported twice", r.version()).isTrue();
          LongStream.range(first, first + rowsPer).forEach(committedIds::add);
        } else {
          failures.add((RuntimeException) o);
          if (o instanceof CommitStateUnknownException) {
            LongStream.range(first, first + rowsPer).forEach(unknownIds::add);
          }
        }
      }
    }
    pool.shutdownNow();
    http.stopRandomFaults();
    assertThat(http.injected(RESPONSE_LOST)).isGreaterThanOrEqualTo(6);
    assertThat(http.injectedTotal()).isGreaterThan(20);
    assertThat(failures).as("appends that failed despite retries: %s", failures).hasSizeLessThanOrEqualTo(2);

    Table fresh = Tables.open(env.io(), created.location());
    long latest = fresh.refresh().version();
    assertThat(fresh.history()).extracting(HistoryEntry::version)
        .containsExactlyElementsOf(LongStream.rangeClosed(0, latest).boxed().toList());
    assertThat(versions).allMatch(v -> v >= 1 && v <= latest);
    List<Long> ids = read(fresh.newScan().select("id")).stream().map(r -> (Long) r.get(0)).toList();
    assertThat(ids).as("no row twice").doesNotHaveDuplicates();
    assertThat(ids).as("every committed row").containsAll(committedIds);
    assertThat(committedIds.size() + unknownIds.size()).isGreaterThanOrEqualTo(ids.size());
    assertThat(unknownIds).containsAll(ids.stream().filter(id -> !committedIds.contains(id)).toList());
    assertThat(latest).isEqualTo(ids.size() / rowsPer);
    assertThat(env.multipartUploadsInProgress()).isEmpty();
  }

  @Test
  void aFailingMultipartUploadIsAbortedAndALostCompletionAnswerIsRecognised() throws Exception {
    byte[] data = S3FileIOTest.random(2 * S3FileIO.MIN_PART_SIZE + 1000, 7);
    http.failNext(FaultyHttpClient.method(SdkHttpMethod.PUT, "/broken", "partNumber"), INTERNAL_ERROR, 100);
    assertThatThrownBy(() -> {
      try (PositionOutputStream out = io.newOutputFile(root + "/broken").create()) {
        out.write(data);
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("broken");
    assertThat(env.io().list(root + "/broken", null)).isEmpty();
    assertThat(env.multipartUploadsInProgress()).isEmpty();

    http.failNext(FaultyHttpClient.method(SdkHttpMethod.POST, "/completed", "uploadId"), RESPONSE_LOST, 1);
    try (PositionOutputStream out = io.newOutputFile(root + "/completed").create()) {
      out.write(data);
    }
    assertThat(http.injected(RESPONSE_LOST)).isEqualTo(1);
    assertThat(env.io().readIfExists(root + "/completed")).hasValue(data);
    assertThat(env.multipartUploadsInProgress()).isEmpty();
  }

  @Test
  void aListingWhoseBodyBreaksIsRetriedAndALostUploadStartLeavesNoStrayUpload() throws Exception {
    io.createExclusive(root + "/l/a", new byte[] {1});
    http.failNext(FaultyHttpClient.method(SdkHttpMethod.GET, "", "list-type"), BODY_BROKEN, 1);
    assertThat(io.list(root + "/l/", null)).extracting(FileEntry::name).containsExactly("a");
    assertThat(http.injected(BODY_BROKEN)).isEqualTo(1);

    byte[] data = S3FileIOTest.random(S3FileIO.MIN_PART_SIZE + 10, 8);
    http.failNext(FaultyHttpClient.method(SdkHttpMethod.POST, "/started", "uploads"), RESPONSE_LOST, 1);
    try (PositionOutputStream out = io.newOutputFile(root + "/started").create()) {
      out.write(data);
    }
    assertThat(http.injected(RESPONSE_LOST)).isEqualTo(1);
    assertThat(env.io().readIfExists(root + "/started")).hasValue(data);
    assertThat(env.multipartUploadsInProgress()).as("the upload whose answer was lost is aborted").isEmpty();
  }

  @Test
  void multipartUploadsUnderRandomFaultsEitherCompleteExactlyOrLeaveNothing() throws Exception {
    http.failAtRandom(0.3, SEED, List.of(REFUSED, RESPONSE_LOST, INTERNAL_ERROR, BODY_BROKEN));
    List<byte[]> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] data = S3FileIOTest.random(S3FileIO.MIN_PART_SIZE + 77_000 * (i + 1), 100 + i);
      try (PositionOutputStream out = io.newOutputFile(root + "/mp/" + i).create()) {
        out.write(data);
        written.add(data);
      } catch (IOException e) {
        written.add(null);
      }
    }
    http.stopRandomFaults();
    assertThat(http.injectedTotal()).isPositive();
    for (int i = 0; i < written.size(); i++) {
      var content = env.io().readIfExists(root + "/mp/" + i);
      if (written.get(i) == null) {
        assertThat(content).isEmpty();
      } else {
        assertThat(content).hasValue(written.get(i));
      }
    }
    assertThat(env.multipartUploadsInProgress()).isEmpty();
    assertThat(env.io().list(root + "/mp/", null)).extracting(FileEntry::name)
        .hasSize((int) written.stream().filter(w -> w != null).count());
  }
}

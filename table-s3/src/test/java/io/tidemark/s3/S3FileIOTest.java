package io.tidemark.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileRange;
import io.tidemark.core.io.PositionOutputStream;
import io.tidemark.core.io.SeekableInputStream;
import io.tidemark.core.io.SupportsVectoredReads;
import io.tidemark.spec.error.InvalidArgumentException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/** The FileIO contract on S3, with the requests each operation makes. */
@ExtendWith(S3Extension.class)
class S3FileIOTest {
  S3TestEnv env;
  RequestLog log;
  S3FileIO io;
  String root;

  @BeforeEach
  void setUp(S3TestEnv env) {
    this.env = env;
    log = new RequestLog();
    io = env.builder().partSize(S3FileIO.MIN_PART_SIZE).interceptor(log).build();
    root = env.newPrefix();
  }

  @AfterEach
  void tearDown() {
    io.close();
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void createExclusiveCreatesOnceAndKeepsTheFirstContent() throws IOException {
    String loc = root + "/_log/00000000000000000000.json";
    assertThat(io.createExclusive(loc, "first\n".getBytes(UTF_8))).isTrue();
    assertThat(io.createExclusive(loc, "second\n".getBytes(UTF_8))).isFalse();
    assertThat(io.readIfExists(loc)).hasValueSatisfying(b -> assertThat(new String(b, UTF_8)).isEqualTo("first\n"));
    assertThat(io.readIfExists(root + "/_log/00000000000000000001.json")).isEmpty();
  }

  @Test
  void listGivesFilesAtAnyDepthInKeyOrderFromStartAfterOnAndSkipsFolderMarkers() throws IOException {
    for (String name : List.of("_log/00000000000000000002.json", "_log/00000000000000000000.json",
        "_log/00000000000000000001.json", "_log/_last_checkpoint", "_log/sub/x", "data/a.parquet", "_log/")) {
      io.createExclusive(root + "/" + name, name.getBytes(UTF_8));
    }
    assertThat(io.list(root + "/_log/", null)).extracting(FileEntry::name).containsExactly(
        "00000000000000000000.json", "00000000000000000001.json", "00000000000000000002.json", "_last_checkpoint", "x");
    log.clear();
    List<FileEntry> tail = io.list(root + "/_log/", root + "/_log/00000000000000000001.json");
    assertThat(tail).extracting(FileEntry::location).containsExactly(root + "/_log/00000000000000000002.json",
        root + "/_log/_last_checkpoint", root + "/_log/sub/x");
    assertThat(tail.get(0).size()).isEqualTo("_log/00000000000000000002.json".length());
    assertThat(tail.get(0).lastModifiedMillis()).isPositive();
    assertThat(log.calls("ListObjectsV2")).hasSize(1);
    assertThat(io.list(root + "/da", null)).extracting(FileEntry::location).containsExactly(root + "/data/a.parquet");
    assertThat(io.list(root + "/nothing/", null)).isEmpty();
    String s3a = root.replaceFirst("^s3:", "s3a:");
    assertThat(io.list(s3a + "/data/", null)).extracting(FileEntry::location).containsExactly(s3a + "/data/a.parquet");
  }

  @Test
  void manyKeysAreListedPageByPageAndDeletedInBatches() throws Exception {
    int n = 250;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> puts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String loc = String.format("%s/many/%05d", root, i);
        puts.add(pool.submit(() -> io.createExclusive(loc, new byte[] {1})));
      }
      for (Future<Boolean> f : puts) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    log.clear();
    assertThat(io.list(root + "/many/", null)).hasSize(n);
    assertThat(log.calls("ListObjectsV2")).as("pages of 1000").hasSize(1);
    log.clear();
    List<FileEntry> all = S3Listing.list(io.client(), S3Location.parse(root + "/many/"), null, 100);
    assertThat(all).extracting(FileEntry::name)
        .containsExactlyElementsOf(IntStream.range(0, n).mapToObj(i -> String.format("%05d", i)).toList());
    assertThat(log.calls("ListObjectsV2")).hasSize(3);
    List<S3Location> locations = new ArrayList<>(all.stream().map(e -> S3Location.parse(e.location())).toList());
    locations.add(S3Location.parse(root + "/many/never-existed"));
    assertThat(S3Listing.deleteAll(io.client(), locations, 100)).isEmpty();
    assertThat(log.calls("DeleteObjects")).hasSize(3);
    assertThat(io.deleteFiles(List.of(root + "/many/never-existed"))).isEmpty();
    assertThat(io.list(root + "/many/", null)).isEmpty();
    io.delete(root + "/many/never-existed");
  }

  @Test
  void aSmallFileIsOnePutAndALargeOneAMultipartUploadWithExactPositions() throws IOException {
    byte[] small = random(1000, 1);
    try (PositionOutputStream out = io.newOutputFile(root + "/small").create()) {
      out.write(small, 0, 10);
      out.write(small[10]);
      out.write(small, 11, small.length - 11);
      assertThat(out.getPos()).isEqualTo(1000);
    }
    assertThat(log.calls()).extracting(RequestLog.Call::operation).containsExactly("PutObject");
    assertThat(io.readIfExists(root + "/small")).hasValue(small);

    log.clear();
    byte[] large = random(2 * S3FileIO.MIN_PART_SIZE + 123_457, 2);
    try (PositionOutputStream out = io.newOutputFile(root + "/large").createOrOverwrite()) {
      int off = 0;
      int chunk = 1;
      while (off < large.length) {
        int n = Math.min(chunk, large.length - off);
        out.write(large, off, n);
        off += n;
        assertThat(out.getPos()).isEqualTo(off);
        chunk = chunk * 3 + 7;
      }
    }
    assertThat(log.calls()).extracting(RequestLog.Call::operation).containsExactly("CreateMultipartUpload",
        "UploadPart", "UploadPart", "UploadPart", "CompleteMultipartUpload");
    assertThat(io.readIfExists(root + "/large")).hasValue(large);
    assertThat(io.list(root + "/large", null)).singleElement().extracting(FileEntry::size).isEqualTo((long) large.length);
    assertThat(env.multipartUploadsInProgress()).isEmpty();
  }

  @Test
  void anEmptyFileCanBeWrittenAndRead() throws IOException {
    io.newOutputFile(root + "/empty").create().close();
    var in = io.newInputFile(root + "/empty");
    assertThat(in.getLength()).isZero();
    try (SeekableInputStream s = in.newStream()) {
      assertThat(s.read()).isEqualTo(-1);
      assertThat(s.read(new byte[4], 0, 4)).isEqualTo(-1);
    }
  }

  @Test
  void uploadsSendTheirPayloadHashInOneHeaderAndNeverAnAwsChunkedBody() throws Exception {
    Map<String, String> contentHashes = new ConcurrentHashMap<>();
    ExecutionInterceptor headers = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        assertThat(request.firstMatchingHeader("Content-Encoding")).as(operation).isEmpty();
        contentHashes.put(operation + " " + request.encodedPath().replaceAll(".*/", ""),
            request.firstMatchingHeader("x-amz-content-sha256").orElse("none"));
      }
    };
    byte[] large = random(S3FileIO.MIN_PART_SIZE + 1, 5);
    try (S3FileIO chunkFree = env.builder().partSize(S3FileIO.MIN_PART_SIZE).interceptor(headers).build()) {
      chunkFree.newOutputFile(root + "/empty").create().close();
      try (PositionOutputStream out = chunkFree.newOutputFile(root + "/large").create()) {
        out.write(large);
      }
      chunkFree.createExclusive(root + "/commit", "c\n".getBytes(UTF_8));
    }
    assertThat(io.readIfExists(root + "/empty")).hasValue(new byte[0]);
    assertThat(io.readIfExists(root + "/large")).hasValue(large);
    assertThat(contentHashes).containsKeys("PutObject empty", "UploadPart large", "PutObject commit");
    // a hex digest of the body (signed over http) or UNSIGNED-PAYLOAD (over https); never STREAMING-...
    contentHashes.forEach((request, hash) -> assertThat(hash).as(request).matches("[0-9a-f]{64}|UNSIGNED-PAYLOAD"));
    assertThat(contentHashes.get("PutObject empty")).isIn(sha256Hex(new byte[0]), "UNSIGNED-PAYLOAD");
  }

  private static String sha256Hex(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aStreamReadsExactlyTheRangesAskedForAndServesTheTailFromMemory() throws IOException {
    byte[] data = random(1_000_000, 3);
    try (PositionOutputStream out = io.newOutputFile(root + "/f").create()) {
      out.write(data);
    }
    var file = io.newInputFile(root + "/f");
    log.clear();
    assertThat(file.getLength()).isEqualTo(data.length);
    assertThat(log.calls("GetObject")).singleElement().satisfies(c -> {
      assertThat(c.range()).isEqualTo("bytes=-" + S3InputFile.TAIL_BYTES);
      assertThat(c.bytes()).isEqualTo(S3InputFile.TAIL_BYTES);
    });
    try (SeekableInputStream s = file.newStream()) {
      log.clear();
      byte[] footer = new byte[8];
      s.seek(data.length - 8);
      s.readFully(footer);
      assertThat(footer).isEqualTo(slice(data, data.length - 8, 8));
      assertThat(s.read()).isEqualTo(-1);
      assertThat(log.calls()).as("the tail is in memory").isEmpty();

      s.seek(100_000);
      byte[] chunk = new byte[200_000];
      s.readFully(chunk, 0, chunk.length);
      assertThat(chunk).isEqualTo(slice(data, 100_000, 200_000));
      assertThat(s.getPos()).isEqualTo(300_000);
      assertThat(log.calls("GetObject")).singleElement().satisfies(c -> {
        assertThat(c.range()).isEqualTo("bytes=100000-299999");
        assertThat(c.bytes()).isEqualTo(200_000);
      });

      log.clear();
      s.seek(500_000);
      assertThat(s.read()).isEqualTo(data[500_000] & 0xff);
      byte[] few = new byte[10];
      assertThat(s.read(few, 0, 10)).isEqualTo(10);
      assertThat(few).isEqualTo(slice(data, 500_001, 10));
      assertThat(log.calls("GetObject")).as("one window for small reads").hasSize(1);

      ByteBuffer direct = ByteBuffer.allocateDirect(1000);
      s.seek(data.length - S3InputFile.TAIL_BYTES - 500);
      s.readFully(direct);
      direct.flip();
      byte[] straddling = new byte[1000];
      direct.get(straddling);
      assertThat(straddling).isEqualTo(slice(data, data.length - S3InputFile.TAIL_BYTES - 500, 1000));
      assertThat(log.calls("GetObject").get(1).range()).as("only the part before the tail is fetched")
          .isEqualTo("bytes=" + (data.length - S3InputFile.TAIL_BYTES - 500) + "-" + (data.length - S3InputFile.TAIL_BYTES - 1));

      s.seek(data.length - 5);
      assertThatThrownBy(() -> s.readFully(new byte[10])).isInstanceOf(EOFException.class);
      assertThatThrownBy(() -> s.seek(data.length + 1)).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void vectoredReadsCoalesceNearRangesIntoOneGet() throws Exception {
    byte[] data = random(6_000_000, 4);
    try (PositionOutputStream out = io.newOutputFile(root + "/v").create()) {
      out.write(data);
    }
    var file = io.newInputFile(root + "/v");
    file.getLength();
    try (SeekableInputStream s = file.newStream()) {
      log.clear();
      List<FileRange> ranges = List.of(new FileRange(10_000, 1000), new FileRange(400_000, 5000),
          new FileRange(4_000_000, 100), new FileRange(data.length - 100, 50));
      assertThat(s).isInstanceOf(SupportsVectoredReads.class);
      ((SupportsVectoredReads) s).readVectored(ranges, ByteBuffer::allocate);
      for (FileRange r : ranges) {
        ByteBuffer b = r.data().get();
        byte[] got = new byte[b.remaining()];
        b.get(got);
        assertThat(got).isEqualTo(slice(data, (int) r.offset(), r.length()));
      }
      assertThat(log.calls("GetObject")).extracting(RequestLog.Call::range)
          .containsExactly("bytes=10000-404999", "bytes=4000000-4000099");
    }
  }

  @Test
  void locationsMustBeS3WithABucket() {
    assertThatThrownBy(() -> io.newInputFile("s3:///key")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no bucket");
    assertThatThrownBy(() -> io.newInputFile("gs://b/key")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("not an S3 location");
  }

  static byte[] slice(byte[] data, int from, int len) {
    byte[] out = new byte[len];
    System.arraycopy(data, from, out, 0, len);
    return out;
  }
}

package io.tidemark.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where the S3 tests run: an in-process S3Proxy (transient store, 127.0.0.1, random port, with
 * signature checking) started once per JVM, or, when {@code TIDEMARK_S3_TEST_ENDPOINT} is set, a
 * real endpoint ({@code aws} for AWS itself) with bucket {@code TIDEMARK_S3_TEST_BUCKET} and the
 * usual AWS credentials. A real endpoint that cannot be reached fails the run; it is never skipped.
 *
 * <p>Every test run writes under its own random prefix. After each test {@link #cleanUp} deletes
 * everything there and checks that the bucket holds exactly what it held when the run started.
 */
public final class S3TestEnv implements ExtensionContext.Store.CloseableResource {
  private static final Logger LOG = LoggerFactory.getLogger(S3TestEnv.class);
  static final String ACCESS_KEY = "tidemark-test-access";
  static final String SECRET_KEY = "tidemark-test-secret-0123456789";
  static final String LOCAL_BUCKET = "tidemark-test";

  private final S3Proxy proxy;
  private final URI endpoint;
  private final Boolean pathStyle;
  private final String bucket;
  private final String runPrefix;
  private final S3FileIO io;
  /** The bucket's first keys (at most one page) when the run started: what must be there after each test. */
  private List<String> keysBefore;

  private S3TestEnv(S3Proxy proxy, URI endpoint, Boolean pathStyle, String bucket) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.pathStyle = pathStyle;
    this.bucket = bucket;
    this.runPrefix = "tidemark-tests/" + UUID.randomUUID().toString().substring(0, 8);
    this.io = builder().build();
  }

  static S3TestEnv start() throws Exception {
    String real = System.getenv("TIDEMARK_S3_TEST_ENDPOINT");
    if (real != null && !real.isBlank()) {
      String bucket = System.getenv().getOrDefault("TIDEMARK_S3_TEST_BUCKET", LOCAL_BUCKET);
      String pathStyle = System.getenv("TIDEMARK_S3_TEST_PATH_STYLE");
      URI endpoint = real.strip().equalsIgnoreCase("aws") ? null : URI.create(real.strip());
      LOG.warn("S3 tests run against {} bucket {}", endpoint == null ? "AWS" : endpoint, bucket);
      S3TestEnv env = new S3TestEnv(null, endpoint, pathStyle == null ? null : Boolean.parseBoolean(pathStyle), bucket);
      env.keysBefore = env.bucketKeys(); // fails the run when the endpoint cannot be reached
      return env;
    }
    S3Proxy proxy = startProxy(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
    S3TestEnv env = new S3TestEnv(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), null, LOCAL_BUCKET);
    env.io.client().createBucket(b -> b.bucket(LOCAL_BUCKET));
    env.keysBefore = List.of();
    return env;
  }

  static S3Proxy startProxy(AuthenticationType auth, String access, String secret) throws Exception {
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(auth, access, secret)
        .ignoreUnknownHeaders(true)
        .stopTimeout(0)
        .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(5);
    }
    return proxy;
  }

  /** True on the in-process S3Proxy (not a real endpoint). */
  public boolean isLocal() {
    return proxy != null;
  }

  /** The endpoint, or null for AWS itself. */
  public URI endpoint() {
    return endpoint;
  }

  /** Path-style addressing as configured ({@code TIDEMARK_S3_TEST_PATH_STYLE}), or null to follow the endpoint. */
  public Boolean pathStyle() {
    return pathStyle;
  }

  /** The bucket the tests write to. */
  public String bucket() {
    return bucket;
  }

  /** The shared file IO of the run. */
  public S3FileIO io() {
    return io;
  }

  /** A builder configured for this endpoint, to add settings to. */
  public S3FileIO.Builder builder() {
    S3FileIO.Builder b = S3FileIO.builder();
    if (endpoint != null) {
      b = b.endpoint(endpoint);
    }
    if (pathStyle != null) {
      b = b.pathStyle(pathStyle);
    }
    if (isLocal()) {
      b = b.region("us-east-1")
          .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }
    return b;
  }

  /** A fresh {@code s3://bucket/<run>/<random>} prefix, without trailing slash. */
  public String newPrefix() {
    return "s3://" + bucket + "/" + runPrefix + "/" + UUID.randomUUID().toString().substring(0, 12);
  }

  /**
   * The AWS SDK system properties that give code in this JVM the test server's throwaway keys
   * (for the in-process S3Proxy; empty for a real endpoint, whose credentials come from the
   * environment).
   */
  public Map<String, String> sdkSystemProperties() {
    return isLocal() ? Map.of("aws.accessKeyId", ACCESS_KEY, "aws.secretAccessKey", SECRET_KEY, "aws.region", "us-east-1")
        : Map.of();
  }

  /**
   * Sets {@link #sdkSystemProperties()} for the AWS SDK's default credential chain in this JVM, as
   * test set-up; closing puts back what was there.
   */
  public AutoCloseable useSdkSystemProperties() {
    Map<String, String> saved = new HashMap<>();
    sdkSystemProperties().forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
    return () -> saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }

  /**
   * The table options that reach this endpoint ({@code s3.endpoint}, {@code s3.path-style}), as
   * a table opened by location in this or another JVM takes them.
   */
  public Map<String, String> tableOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    if (endpoint != null) {
      options.put(S3FileIOProvider.ENDPOINT, endpoint.toString());
    }
    if (pathStyle != null) {
      options.put(S3FileIOProvider.PATH_STYLE, pathStyle.toString());
    }
    return options;
  }

  /**
   * {@link #tableOptions()} with the region and, as {@code s3.credentials-provider},
   * {@link S3TestCredentials}: everything a table needs to reach this endpoint, without system
   * properties or environment variables (for the in-process S3Proxy).
   */
  public Map<String, String> tableOptionsWithCredentials() {
    Map<String, String> options = tableOptions();
    if (isLocal()) {
      options.put(S3FileIOProvider.REGION, "us-east-1");
    }
    options.put(S3FileIOProvider.CREDENTIALS_PROVIDER, S3TestCredentials.class.getName());
    return options;
  }

  /** Environment variables for a separate JVM (only the test server's throwaway keys). */
  public Map<String, String> childEnv() {
    Map<String, String> env = new HashMap<>();
    if (isLocal()) {
      env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
      env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
      env.put("AWS_REGION", "us-east-1");
    }
    return env;
  }

  /** Uploads still in progress under the run's prefix (there must be none). */
  public List<String> multipartUploadsInProgress() {
    S3Client client = io.client();
    return client.listMultipartUploads(b -> b.bucket(bucket).prefix(runPrefix + "/")).uploads().stream()
        .map(u -> u.key() + " " + u.uploadId()).toList();
  }

  /**
   * Deletes everything under the run's prefix, folder markers and unfinished uploads included, then
   * fails unless the bucket holds exactly the keys it held when the run started: a test that wrote
   * outside its prefix, or left anything its deletes missed, is caught here.
   */
  public void cleanUp() {
    S3Client client = io.client();
    for (MultipartUpload u : client.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(runPrefix + "/"))
        .uploads()) {
      client.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
    }
    List<ObjectIdentifier> written = client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(runPrefix + "/"))
        .contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
    for (int from = 0; from < written.size(); from += 1000) {
      List<ObjectIdentifier> batch = written.subList(from, Math.min(written.size(), from + 1000));
      DeleteObjectsResponse deleted = client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch)));
      if (!deleted.errors().isEmpty()) {
        throw new AssertionError("could not delete test keys: " + deleted.errors());
      }
    }
    List<String> after = bucketKeys();
    if (!after.equals(keysBefore)) {
      List<String> extra = new ArrayList<>(after);
      extra.removeAll(keysBefore);
      throw new AssertionError("the S3 tests left keys in bucket " + bucket + " (or deleted others'): " + extra);
    }
  }

  /** The bucket's keys, at most one page of 1000. */
  private List<String> bucketKeys() {
    return io.client().listObjectsV2(b -> b.bucket(bucket).maxKeys(1000)).contents().stream().map(S3Object::key)
        .toList();
  }

  @Override
  public void close() throws Exception {
    try {
      cleanUp();
    } catch (RuntimeException | AssertionError e) {
      LOG.warn("could not clean up the test prefix {}: {}", runPrefix, e.getMessage());
    } finally {
      io.close();
      if (proxy != null) {
        proxy.stop();
      }
    }
  }
}

package io.tidemark.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * Where the S3 tests run: an in-process S3Proxy (transient store, 127.0.0.1, random port, with
 * signature checking) started once per JVM, or, when {@code TIDEMARK_S3_TEST_ENDPOINT} is set, a
 * real endpoint ({@code aws} for AWS itself) with bucket {@code TIDEMARK_S3_TEST_BUCKET} and the
 * usual AWS credentials. Every test run writes under its own random prefix, deleted at the end.
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
      return new S3TestEnv(null, endpoint, pathStyle == null ? null : Boolean.parseBoolean(pathStyle), bucket);
    }
    S3Proxy proxy = startProxy(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
    S3TestEnv env = new S3TestEnv(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), null, LOCAL_BUCKET);
    env.io.client().createBucket(b -> b.bucket(LOCAL_BUCKET));
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

  /** System properties and environment for a separate JVM that opens tables through the provider. */
  public List<String> childJvmArgs() {
    List<String> args = new ArrayList<>();
    if (endpoint != null) {
      args.add("-D" + S3FileIOProvider.ENDPOINT_PROPERTY + "=" + endpoint);
    }
    if (pathStyle != null) {
      args.add("-D" + S3FileIOProvider.PATH_STYLE_PROPERTY + "=" + pathStyle);
    }
    return args;
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

  @Override
  public void close() throws Exception {
    try {
      if (!isLocal()) {
        List<String> all = io.list("s3://" + bucket + "/" + runPrefix + "/", null).stream()
            .map(e -> e.location()).toList();
        io.deleteAll(all);
      }
    } catch (RuntimeException | java.io.IOException e) {
      LOG.warn("could not clean up the test prefix {}: {}", runPrefix, e.getMessage());
    } finally {
      io.close();
      if (proxy != null) {
        proxy.stop();
      }
    }
  }
}

package io.tidemark.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Tables;
import io.tidemark.spec.error.StorageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/** Refusals become typed errors naming bucket and key, never the credentials. */
@ExtendWith(S3Extension.class)
class S3ErrorsTest {
  @Test
  void aMissingBucketIsNamedForEveryOperation(S3TestEnv env) {
    String bucket = "tidemark-missing-" + UUID.randomUUID().toString().substring(0, 8);
    String loc = "s3://" + bucket + "/t/_log/00000000000000000000.json";
    S3FileIO io = env.io();
    assertThatThrownBy(() -> io.readIfExists(loc)).isInstanceOfSatisfying(S3StorageException.class, e -> {
      assertThat(e.isNoSuchBucket()).isTrue();
      assertThat(e.bucket()).isEqualTo(bucket);
      assertThat(e.key()).isEqualTo("t/_log/00000000000000000000.json");
      assertThat(e.getMessage()).contains("bucket '" + bucket + "' does not exist; check the bucket name and the endpoint")
          .contains(loc);
    });
    assertThatThrownBy(() -> io.createExclusive(loc, new byte[1])).isInstanceOf(S3StorageException.class)
        .hasMessageContaining("bucket '" + bucket + "' does not exist");
    assertThatThrownBy(() -> io.list("s3://" + bucket + "/t/_log/", null)).isInstanceOf(S3StorageException.class)
        .hasMessageContaining("bucket '" + bucket + "' does not exist");
    assertThatThrownBy(() -> Tables.open(io, "s3://" + bucket + "/t")).isInstanceOf(StorageException.class)
        .hasMessageContaining(bucket);
  }

  @Test
  void wrongCredentialsAre403NamingBucketAndKeyButNotTheSecret(S3TestEnv env) throws Exception {
    String secret = "wrong-secret-" + UUID.randomUUID();
    String loc = env.newPrefix() + "/t/_log/00000000000000000000.json";
    env.io().createExclusive(loc, "x\n".getBytes(UTF_8));
    try (S3FileIO io = env.builder()
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            env.isLocal() ? S3TestEnv.ACCESS_KEY : "AKIAIOSFODNN7EXAMPLE", secret))).build()) {
      S3Location parsed = S3Location.parse(loc);
      Throwable thrown = null;
      try {
        io.readIfExists(loc);
      } catch (Throwable t) {
        thrown = t;
      }
      assertThat(thrown).isInstanceOfSatisfying(S3StorageException.class, e -> {
        assertThat(e.isAccessDenied()).isTrue();
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.getMessage()).contains("access denied").contains("bucket '" + parsed.bucket() + "'")
            .contains("key '" + parsed.key() + "'");
      });
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        assertThat(t.toString()).doesNotContain(secret).doesNotContain(S3TestEnv.SECRET_KEY);
      }
      assertThatThrownBy(() -> io.createExclusive(loc + ".2", new byte[1])).isInstanceOf(S3StorageException.class)
          .hasMessageContaining("access denied");
    }
  }

  @Test
  void missingCredentialsSayWhatToSetInOneShortLine(S3TestEnv env) {
    assertThat(System.getProperty("aws.accessKeyId")).as("no credentials in system properties").isNull();
    String loc = env.newPrefix() + "/t/_log/";
    // the system-properties provider alone: the same SDK failure as a default chain that finds nothing
    try (S3FileIO io = env.builder().credentials(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create()))
        .build()) {
      assertThatThrownBy(() -> io.list(loc, null)).isInstanceOfSatisfying(S3StorageException.class, e -> {
        assertThat(e.errorCode()).isEqualTo(S3Errors.NO_CREDENTIALS);
        assertThat(e.getMessage()).isEqualTo("cannot list " + loc + ": no AWS credentials found; set AWS_ACCESS_KEY_ID"
            + " and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with ~/.aws/credentials");
      });
      assertThatThrownBy(() -> io.createExclusive(loc + "0.json", new byte[1])).isInstanceOf(S3StorageException.class)
          .hasMessageContaining("no AWS credentials found");
    }
  }

  @Test
  void anUnreachableEndpointIsAnIoErrorThatSaysToCheckTheEndpoint(S3TestEnv env) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String loc = "s3://" + env.bucket() + "/t/_log/";
    try (S3FileIO io = env.builder().endpoint(URI.create("http://127.0.0.1:" + closedPort)).build()) {
      assertThatThrownBy(() -> io.list(loc, null)).isInstanceOf(IOException.class)
          .hasMessageStartingWith("cannot list " + loc + ": cannot reach S3 (")
          .hasMessageContaining("127.0.0.1:" + closedPort)
          .hasMessageEndingWith("; check the endpoint and the network");
    }
  }

  @Test
  void aMissingKeyIsFileNotFoundWhenOpenedAndEmptyWhenReadIfExists(S3TestEnv env) throws Exception {
    String loc = env.newPrefix() + "/data/missing.parquet";
    assertThat(env.io().readIfExists(loc)).isEmpty();
    assertThatThrownBy(() -> env.io().newInputFile(loc).getLength()).isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining(loc);
    env.io().delete(loc);
  }
}

package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.s3.S3FileIOProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The command line on an {@code s3://} table: an in-process S3Proxy on 127.0.0.1 (signatures
 * checked), credentials through the AWS SDK's default chain (Java system properties here), the
 * endpoint through {@code --s3-endpoint}.
 */
class S3CommandsTest {
  private static final String ACCESS = "cli-test-access";
  private static final String SECRET = "cli-test-secret-0123456789";
  private static final String BUCKET = "cli-test";
  private static S3Proxy proxy;
  private static String endpoint;

  @TempDir
  Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).ignoreUnknownHeaders(true)
        .stopTimeout(0).build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(5);
    }
    endpoint = "http://127.0.0.1:" + proxy.getPort();
    System.setProperty("aws.accessKeyId", ACCESS);
    System.setProperty("aws.secretAccessKey", SECRET);
    System.setProperty("aws.region", "us-east-1");
    try (S3Client client = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS, SECRET))).build()) {
      client.createBucket(b -> b.bucket(BUCKET));
    }
  }

  @AfterAll
  static void stopS3() throws Exception {
    for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.region",
        S3FileIOProvider.ENDPOINT_PROPERTY, S3FileIOProvider.PATH_STYLE_PROPERTY}) {
      System.clearProperty(p);
    }
    if (proxy != null) {
      proxy.stop();
    }
  }

  @Test
  void createAppendScanHistoryAndMaintenanceWorkOnAnS3Table() throws Exception {
    String table = "s3://" + BUCKET + "/tables/" + UUID.randomUUID().toString().substring(0, 8) + "/orders";
    Cli.Result created = Cli.ok("create", table, "--schema", Cli.ORDERS, "--partition-by", "day(ts)",
        "--s3-endpoint", endpoint, "--s3-path-style");
    assertThat(created.out()).isEqualTo("created table at " + table + " (version 0)\n");

    Path csv = Cli.write(dir.resolve("orders.csv"), "id,name,ts,amount\n"
        + "1,ann,2024-01-01T10:00:00Z,2.5\n2,bob,2024-01-01T11:00:00Z,3.5\n3,cy,2024-01-02T09:00:00Z,-1\n");
    assertThat(Cli.ok("append", table, "--csv", csv.toString(), "--s3-endpoint", endpoint).out())
        .isEqualTo("appended 3 rows in 2 files as version 1\n");

    Cli.Result scan = Cli.ok("scan", table, "--where", "ts >= '2024-01-02 00:00:00'", "--format", "csv",
        "--s3-endpoint", endpoint);
    assertThat(scan.out().lines().toList()).hasSize(2).last().asString().startsWith("3,cy,");

    JsonNode history = new ObjectMapper().readTree(Cli.ok("history", table, "--json", "--s3-endpoint", endpoint)
        .out());
    assertThat(history).hasSize(2);

    assertThat(Cli.ok("delete", table, "--where", "amount < 0", "--s3-endpoint", endpoint).out())
        .contains("version 2");
    assertThat(Cli.ok("checkpoint", table, "--s3-endpoint", endpoint).out()).contains("2");
    Cli.Result all = Cli.ok("scan", table, "--format", "csv", "--s3-endpoint", endpoint);
    assertThat(all.out().lines().skip(1).toList()).hasSize(2);
    assertThat(Cli.ok("scan", table, "--version", "1", "--format", "csv", "--s3-endpoint", endpoint).out()
        .lines().skip(1).toList()).hasSize(3);
  }

  @Test
  void aMissingS3TableIsOneLineOnStderr() {
    Cli.Result r = Cli.run("scan", "s3://" + BUCKET + "/no/such/table", "--s3-endpoint", endpoint);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: ").contains("no/such/table");
  }
}

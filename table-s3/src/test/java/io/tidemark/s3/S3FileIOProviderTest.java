package io.tidemark.s3;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.TableOptions;
import io.tidemark.core.Tables;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.partition.PartitionSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Opening tables by location through the provider, and where endpoint and addressing come from. */
@ExtendWith(S3Extension.class)
class S3FileIOProviderTest {
  @Test
  void tablesOpenAndCreateByS3LocationWithTheEndpointFromTableOptions(S3TestEnv env) throws Exception {
    TableOptions options = TableOptions.of(env.tableOptions());
    try (AutoCloseable credentials = env.useSdkSystemProperties()) {
      String location = env.newPrefix() + "/t";
      try (FileIO io = FileIOs.forLocation(location, options.asMap());
          FileIO other = FileIOs.forLocation(location.replaceFirst("^s3:", "s3a:"), options.asMap())) {
        assertThat(io).isInstanceOf(S3FileIO.class);
        assertThat(other).as("a file IO of its own per call").isInstanceOf(S3FileIO.class).isNotSameAs(io);
      }
      try (Table created = Tables.create(location, SCHEMA, PartitionSpec.unpartitioned(), Map.of(), options)) {
        append(created, rows(0, 4));
      }
      try (Table opened = Tables.open(location + "/", options)) {
        assertThat(read(opened.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 4));
      }
      try (Table viaS3a = Tables.open(location.replaceFirst("^s3:", "s3a:"), options)) {
        assertThat(viaS3a.refresh().version()).isEqualTo(1);
      }
    }
  }

  @Test
  void anEndpointFromTheSdkConfigurationAlsoMeansPathStyle() {
    // the SDK's own setting (as AWS_ENDPOINT_URL_S3 would give it); set here by the test only
    String saved = System.setProperty("aws.endpointUrlS3", "http://from-sdk-config:9000");
    try {
      assertThat(ClientFactory.configuredEndpoint()).isEqualTo(URI.create("http://from-sdk-config:9000"));
      assertThat(hostAndPath(S3FileIO.builder().region("us-east-1"))).isEqualTo("from-sdk-config/bucket-a/some/key");
    } finally {
      if (saved == null) {
        System.clearProperty("aws.endpointUrlS3");
      } else {
        System.setProperty("aws.endpointUrlS3", saved);
      }
    }
  }

  @Test
  void aCustomEndpointMeansPathStyleUnlessToldOtherwise() {
    assertThat(hostAndPath(S3FileIO.builder().region("us-east-1").endpoint(URI.create("http://minio.local:9000"))))
        .isEqualTo("minio.local/bucket-a/some/key");
    assertThat(hostAndPath(S3FileIO.builder().region("us-east-1").endpoint(URI.create("http://minio.local:9000"))
        .pathStyle(false))).isEqualTo("bucket-a.minio.local/some/key");
    assertThat(hostAndPath(S3FileIO.builder().region("eu-west-1"))).isEqualTo("bucket-a.s3.eu-west-1.amazonaws.com/some/key");
  }

  @Test
  void endpointPathStyleAndRegionOptionsReachTheClient() {
    Map<String, String> options = Map.of(S3FileIOProvider.ENDPOINT, "http://minio.local:9000",
        S3FileIOProvider.REGION, "eu-west-3");
    assertThat(hostAndPath(S3FileIOProvider.builder(options))).isEqualTo("minio.local/bucket-a/some/key");
    Map<String, String> virtualHost = new HashMap<>(options);
    virtualHost.put(S3FileIOProvider.PATH_STYLE, "false");
    assertThat(hostAndPath(S3FileIOProvider.builder(virtualHost))).isEqualTo("bucket-a.minio.local/some/key");
    assertThat(hostAndPath(S3FileIOProvider.builder(Map.of(S3FileIOProvider.REGION, "eu-west-3"))))
        .isEqualTo("bucket-a.s3.eu-west-3.amazonaws.com/some/key");
  }

  @Test
  void partsSmallerThanS3AllowsAreRefused() {
    assertThatThrownBy(() -> S3FileIO.builder().partSize(1 << 20)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least");
  }

  /** Where a request would go: the interceptor stops it before it is sent. */
  private static String hostAndPath(S3FileIO.Builder builder) {
    List<String> seen = new ArrayList<>();
    ExecutionInterceptor stop = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        seen.add(context.httpRequest().host() + context.httpRequest().encodedPath());
        throw new IllegalStateException("stop");
      }
    };
    try (S3FileIO io = builder.credentials(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))
        .interceptor(stop).build()) {
      assertThatThrownBy(() -> io.readIfExists("s3://bucket-a/some/key")).hasStackTraceContaining("stop");
    }
    return seen.get(0);
  }
}

package io.tidemark.s3;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.read;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
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
  void tablesOpenAndCreateByS3LocationWithTheEndpointFromSystemProperties(S3TestEnv env) {
    Map<String, String> saved = new HashMap<>();
    Map<String, String> props = new HashMap<>(env.sdkSystemProperties());
    if (env.endpoint() != null) {
      props.put(S3FileIOProvider.ENDPOINT_PROPERTY, env.endpoint().toString());
    }
    props.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
    try {
      String location = env.newPrefix() + "/t";
      FileIO io = FileIOs.forLocation(location);
      assertThat(io).isInstanceOf(S3FileIO.class).isSameAs(FileIOs.forLocation(location.replaceFirst("^s3:", "s3a:")));
      Table created = Tables.create(location, SCHEMA);
      append(created, rows(0, 4));
      Table opened = Tables.open(location + "/");
      assertThat(read(opened.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 4));
      Table viaS3a = Tables.open(location.replaceFirst("^s3:", "s3a:"));
      assertThat(viaS3a.refresh().version()).isEqualTo(1);
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }

  @Test
  void theEndpointComesFromTheSdkVariablesServiceSpecificFirst() {
    Map<String, String> env = new HashMap<>();
    Map<String, String> sys = new HashMap<>();
    assertThat(ClientFactory.configuredEndpoint(env::get, sys::get)).isNull();
    env.put("AWS_ENDPOINT_URL", "http://general:9000");
    assertThat(ClientFactory.configuredEndpoint(env::get, sys::get)).isEqualTo(URI.create("http://general:9000"));
    env.put("AWS_ENDPOINT_URL_S3", "http://s3-only:9000");
    assertThat(ClientFactory.configuredEndpoint(env::get, sys::get)).isEqualTo(URI.create("http://s3-only:9000"));
    sys.put("aws.endpointUrlS3", "http://from-property:9000");
    assertThat(ClientFactory.configuredEndpoint(env::get, sys::get)).isEqualTo(URI.create("http://from-property:9000"));
    env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    assertThat(ClientFactory.configuredEndpoint(env::get, sys::get)).isNull();
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

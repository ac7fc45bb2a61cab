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
import io.tidemark.core.arch.ForbiddenCalls;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.partition.PartitionSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * S3 tables configured by table options alone: the endpoint and addressing reach the file IO
 * without system properties, tables with different options live side by side, and a table closes
 * the client it made and no other.
 */
@ExtendWith(S3Extension.class)
class S3TableOptionsTest {
  private AutoCloseable credentials;

  @BeforeEach
  void credentialsAsTheSdkFindsThem(S3TestEnv env) {
    credentials = env.useSdkSystemProperties(); // the test server's throwaway keys; nothing of Tidemark's
  }

  @AfterEach
  void restore() throws Exception {
    credentials.close();
  }

  @Test
  void twoTablesAtTheSameLocationOnTwoEndpointsInOneJvmStayApart(S3TestEnv env) throws Exception {
    S3Proxy other = S3TestEnv.startProxy(AuthenticationType.NONE, "any", "any");
    URI otherEndpoint = URI.create("http://127.0.0.1:" + other.getPort());
    try (S3FileIO admin = S3FileIO.builder().endpoint(otherEndpoint).region("us-east-1")
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any"))).build()) {
      admin.client().createBucket(b -> b.bucket(env.bucket()));
      String location = env.newPrefix() + "/t";
      TableOptions here = TableOptions.of(env.tableOptions());
      TableOptions there = TableOptions.of(Map.of(S3FileIOProvider.ENDPOINT, otherEndpoint.toString(),
          S3FileIOProvider.REGION, "us-east-1"));
      try (Table a = Tables.create(location, SCHEMA, PartitionSpec.unpartitioned(), Map.of(), here);
          Table b = Tables.create(location, SCHEMA, PartitionSpec.unpartitioned(), Map.of(), there)) {
        append(a, rows(0, 3));
        append(b, rows(100, 105));
        append(b, rows(105, 106));
        assertThat(read(a.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 3));
        assertThat(read(b.newScan())).containsExactlyInAnyOrderElementsOf(rows(100, 106));
        assertThat(a.refresh().version()).isEqualTo(1);
        assertThat(b.refresh().version()).isEqualTo(2);
      }
      assertThat(admin.list(location + "/_log/", null)).hasSize(3);
    } finally {
      other.stop();
    }
  }

  @Test
  void closingATableClosesTheClientItMadeButNotAFileIoTheCallerPassedIn(S3TestEnv env) throws Exception {
    String location = env.newPrefix() + "/t";
    String commit0 = location + "/_log/00000000000000000000.json";
    FileIO made;
    try (Table table = Tables.create(location, SCHEMA, PartitionSpec.unpartitioned(), Map.of(),
        TableOptions.of(env.tableOptions()))) {
      made = table.io();
      assertThat(made).isInstanceOf(S3FileIO.class).isNotSameAs(env.io());
      assertThat(made.readIfExists(commit0)).isPresent();
    }
    assertThatThrownBy(() -> made.readIfExists(commit0)).as("the file IO the table made is closed")
        .isInstanceOf(StorageException.class).hasMessageContaining("S3 storage was closed");
    assertThatThrownBy(() -> ((S3FileIO) made).client().headBucket(b -> b.bucket(env.bucket())))
        .as("and so is the client it built").hasStackTraceContaining("shut down");

    try (Table table = Tables.open(env.io(), location)) {
      append(table, rows(0, 2));
    }
    assertThat(env.io().readIfExists(commit0)).as("the caller's file IO stays open").isPresent();
  }

  @Test
  void aClosedTableRefusesReadsAndWritesWithATypedError(S3TestEnv env) {
    String location = env.newPrefix() + "/t";
    Table table = Tables.create(location, SCHEMA, PartitionSpec.unpartitioned(), Map.of(),
        TableOptions.of(env.tableOptions()));
    append(table, rows(0, 2));
    table.close();
    assertThatThrownBy(table::refresh).isInstanceOf(StorageException.class)
        .hasMessageContaining("S3 storage was closed");
    assertThatThrownBy(() -> append(table, rows(2, 3))).isInstanceOf(StorageException.class)
        .hasMessageContaining("S3 storage was closed");
  }

  @Test
  void unknownS3OptionsAndBadValuesAreRefusedNamingTheKey(S3TestEnv env) {
    assertThatThrownBy(() -> TableOptions.of(Map.of("s3.endpont", "http://localhost:9000")))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'s3.endpont'")
        .hasMessageContaining("did you mean 's3.endpoint'?");
    String location = env.newPrefix() + "/t";
    Map<String, String> badPathStyle = new LinkedHashMap<>(env.tableOptions());
    badPathStyle.put(S3FileIOProvider.PATH_STYLE, "yes");
    assertThatThrownBy(() -> Tables.open(location, TableOptions.of(badPathStyle)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(S3FileIOProvider.PATH_STYLE)
        .hasMessageContaining("'yes'");
    assertThatThrownBy(() -> Tables.open(location, TableOptions.of(Map.of(S3FileIOProvider.ENDPOINT, "localhost:9000"))))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(S3FileIOProvider.ENDPOINT);
  }

  @Test
  void credentialsProviderOptionAloneGivesATableItsKeys(S3TestEnv env) throws Exception {
    credentials.close(); // no keys where the SDK's default chain looks
    credentials = () -> { };
    String location = env.newPrefix() + "/t";
    try (Table table = Tables.create(location, SCHEMA, PartitionSpec.unpartitioned(), Map.of(),
        TableOptions.of(env.tableOptionsWithCredentials()))) {
      append(table, rows(0, 4));
    }
    try (Table table = Tables.open(location, TableOptions.of(env.tableOptionsWithCredentials()))) {
      assertThat(read(table.newScan())).containsExactlyInAnyOrderElementsOf(rows(0, 4));
    }
  }

  @Test
  void aCredentialsProviderThatCannotBeMadeIsRefusedNamingTheOption(S3TestEnv env) {
    String location = env.newPrefix() + "/t";
    Map<String, String> missing = new LinkedHashMap<>(env.tableOptions());
    missing.put(S3FileIOProvider.CREDENTIALS_PROVIDER, "com.example.NoSuchProvider");
    assertThatThrownBy(() -> Tables.open(location, TableOptions.of(missing)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(S3FileIOProvider.CREDENTIALS_PROVIDER)
        .hasMessageContaining("com.example.NoSuchProvider");
    Map<String, String> notAProvider = new LinkedHashMap<>(env.tableOptions());
    notAProvider.put(S3FileIOProvider.CREDENTIALS_PROVIDER, String.class.getName());
    assertThatThrownBy(() -> Tables.open(location, TableOptions.of(notAProvider)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("not an AwsCredentialsProvider");
  }

  @Test
  void tableS3NeitherReadsNorWritesSystemPropertiesOrTheEnvironment() throws Exception {
    ForbiddenCalls.Result result = ForbiddenCalls.scan(S3FileIO.class);
    assertThat(result.classesScanned()).isGreaterThan(10);
    assertThat(result.offenders()).isEmpty();
  }
}

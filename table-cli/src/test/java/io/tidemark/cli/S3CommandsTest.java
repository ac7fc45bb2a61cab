package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.s3.S3Extension;
import io.tidemark.s3.S3TestEnv;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on an {@code s3://} table, where the S3 suite of table-s3 runs: an in-process
 * S3Proxy on 127.0.0.1 (signatures checked), or the endpoint {@code TIDEMARK_S3_TEST_ENDPOINT}
 * names. The endpoint goes through {@code --s3-endpoint}; credentials through the AWS SDK's default
 * chain (Java system properties for S3Proxy, the environment for a real endpoint). A failure is
 * one line on stderr, whatever failed.
 */
@ExtendWith(S3Extension.class)
class S3CommandsTest {
  private static final Map<String, String> SAVED = new HashMap<>();
  private static S3TestEnv env;

  @TempDir
  Path dir;

  @BeforeAll
  static void useTheTestServer(S3TestEnv s3) {
    env = s3;
    s3.sdkSystemProperties().forEach((k, v) -> SAVED.put(k, System.setProperty(k, v)));
  }

  @AfterAll
  static void restoreSystemProperties() {
    SAVED.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }

  /** The command's arguments with the test server's endpoint options. */
  private static String[] s3(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (env.endpoint() != null) {
      all.addAll(List.of("--s3-endpoint", env.endpoint().toString()));
    }
    if (env.pathStyle() != null) {
      all.add("--s3-path-style=" + env.pathStyle());
    }
    return all.toArray(String[]::new);
  }

  @Test
  void createAppendScanHistoryAndMaintenanceWorkOnAnS3Table() throws Exception {
    String table = env.newPrefix() + "/orders";
    Cli.Result created = Cli.ok(s3("create", table, "--schema", Cli.ORDERS, "--partition-by", "day(ts)"));
    assertThat(created.out()).isEqualTo("created table at " + table + " (version 0)\n");

    Path csv = Cli.write(dir.resolve("orders.csv"), "id,name,ts,amount\n"
        + "1,ann,2024-01-01T10:00:00Z,2.5\n2,bob,2024-01-01T11:00:00Z,3.5\n3,cy,2024-01-02T09:00:00Z,-1\n");
    assertThat(Cli.ok(s3("append", table, "--csv", csv.toString())).out())
        .isEqualTo("appended 3 rows in 2 files as version 1\n");

    Cli.Result scan = Cli.ok(s3("scan", table, "--where", "ts >= '2024-01-02 00:00:00'", "--format", "csv"));
    assertThat(scan.out().lines().toList()).hasSize(2).last().asString().startsWith("3,cy,");

    JsonNode history = new ObjectMapper().readTree(Cli.ok(s3("history", table, "--json")).out());
    assertThat(history).hasSize(2);

    assertThat(Cli.ok(s3("delete", table, "--where", "amount < 0")).out()).contains("version 2");
    assertThat(Cli.ok(s3("checkpoint", table)).out()).contains("2");
    Cli.Result all = Cli.ok(s3("scan", table, "--format", "csv"));
    assertThat(all.out().lines().skip(1).toList()).hasSize(2);
    assertThat(Cli.ok(s3("scan", table, "--version", "1", "--format", "csv")).out().lines().skip(1).toList())
        .hasSize(3);
  }

  @Test
  void aMissingS3TableIsOneLineOnStderr() {
    Cli.Result r = Cli.run(s3("scan", env.newPrefix() + "/no/such/table"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString().startsWith("tidemark: ").contains("no/such/table");
  }

  @Test
  void aMissingBucketIsOneLineNamingTheBucket() throws IOException {
    String bucket = "tidemark-missing-" + UUID.randomUUID().toString().substring(0, 8);
    for (String[] command : readAndAppend("s3://" + bucket + "/t")) {
      assertOneErrorLine(Cli.run(s3(command)), "bucket '" + bucket + "' does not exist; check the bucket name");
    }
  }

  @Test
  void anUnreachableEndpointIsOneLineSayingToCheckTheEndpointOnce() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String table = "s3://" + env.bucket() + "/t";
    for (String[] command : readAndAppend(table)) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--s3-endpoint", "http://127.0.0.1:" + closedPort));
      String line = assertOneErrorLine(Cli.run(args.toArray(String[]::new)), "cannot reach S3 (");
      assertThat(line).contains("127.0.0.1:" + closedPort).endsWith("; check the endpoint and the network");
      assertThat(line.split("cannot list", -1)).as("the operation is said once: %s", line).hasSizeLessThanOrEqualTo(2);
    }
  }

  @Test
  void wrongCredentialsAreOneLineSayingAccessDenied() throws Exception {
    String table = env.newPrefix() + "/t";
    Cli.ok(s3("create", table, "--schema", Cli.ORDERS));
    Map<String, String> wrong = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY",
        "wrong-" + UUID.randomUUID());
    for (String[] command : readAndAppend(table)) {
      String line = assertOneErrorLine(inChildJvm(wrong, s3(command)), "access denied to bucket '" + env.bucket() + "'");
      assertThat(line).contains("check the credentials").doesNotContain(wrong.get("AWS_SECRET_ACCESS_KEY"));
    }
  }

  @Test
  void missingCredentialsAreOneShortLineSayingWhatToSet() throws Exception {
    String table = env.newPrefix() + "/t";
    for (String[] command : readAndAppend(table)) {
      String line = assertOneErrorLine(inChildJvm(Map.of(), s3(command)), "no AWS credentials found; set AWS_ACCESS_KEY_ID");
      assertThat(line).hasSizeLessThan(300);
    }
  }

  @Test
  void verboseShowsTheLogAndTheStackTrace() throws IOException {
    String bucket = "tidemark-missing-" + UUID.randomUUID().toString().substring(0, 8);
    Cli.Result r = Cli.run(s3("history", "s3://" + bucket + "/t", "--verbose"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("tidemark: ").contains("\tat ");
  }

  /** {@code history}, {@code scan} and {@code append} of a table. */
  private List<String[]> readAndAppend(String table) throws IOException {
    Path csv = Cli.write(dir.resolve("rows.csv"), "id,name,ts,amount\n1,ann,2024-01-01T10:00:00Z,2.5\n");
    return List.of(new String[] {"history", table}, new String[] {"scan", table},
        new String[] {"append", table, "--csv", csv.toString()});
  }

  /** Checks that the run failed with exactly one line on stderr, containing {@code expected}; returns it. */
  private static String assertOneErrorLine(Cli.Result r, String expected) {
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).as("stderr").singleElement().asString().startsWith("tidemark: ").contains(expected);
    return r.errLines().get(0);
  }

  /**
   * Runs the command line in a JVM of its own, as a user would, whose only AWS settings are
   * {@code awsEnvironment}: no credentials, profiles or instance metadata service otherwise.
   */
  private Cli.Result inChildJvm(Map<String, String> awsEnvironment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), TidemarkCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
    pb.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
    pb.environment().put("AWS_REGION", "us-east-1");
    pb.environment().putAll(awsEnvironment);
    Path out = dir.resolve("child.out");
    Path err = dir.resolve("child.err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = pb.start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command finished").isTrue();
    return new Cli.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

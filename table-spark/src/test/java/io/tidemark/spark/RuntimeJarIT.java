package io.tidemark.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime jar in a Spark that has nothing of Tidemark: a JVM whose classpath is this test's
 * minus Tidemark's modules and every library the runtime jar must bring itself (Parquet,
 * Caffeine, the AWS SDK) — so also without any Parquet at all — plus the runtime jar. It writes,
 * reads and runs SQL through the catalog.
 */
class RuntimeJarIT {
  private static final Pattern NOT_PLAIN_SPARK = Pattern.compile(
      ".*(/table-(spec|core|s3|spark)/|/io/tidemark/|/org/apache/parquet/|/com/github/ben-manes/|/software/amazon/"
      + "|/org/apache/httpcomponents/).*");

  @Test
  void runtimeJarAloneReadsWritesAndRunsSqlInPlainSpark(@TempDir Path dir) throws Exception {
    String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    Path jar = Paths.get("target", "table-spark-runtime-" + version + ".jar").toAbsolutePath();
    assertThat(jar).exists();
    List<String> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!NOT_PLAIN_SPARK.matcher(entry.replace(File.separatorChar, '/')).matches()) {
        classpath.add(entry);
      }
    }
    assertThat(classpath).anyMatch(e -> e.contains("spark-sql_2.13"));
    assertThat(classpath).noneMatch(e -> e.contains("surefirebooter"));
    Path mainClasses = Files.createDirectories(dir.resolve("main/io/tidemark/spark/plain"));
    Files.copy(Paths.get("target/test-classes/io/tidemark/spark/plain/PlainSparkMain.class"),
        mainClasses.resolve("PlainSparkMain.class"));
    classpath.add(dir.resolve("main").toString());
    classpath.add(jar.toString());

    List<String> command = ChildJvm.command("1g", String.join(File.pathSeparator, classpath),
        "io.tidemark.spark.plain.PlainSparkMain", dir.resolve("table").toString(), dir.resolve("warehouse").toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
        .start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    assertThat(out.lines().filter(l -> l.startsWith("OK ")).collect(Collectors.toList()))
        .as(out.length() > 4000 ? out.substring(out.length() - 4000) : out)
        .containsExactly("OK 50 4950 1");
    assertThat(out).contains("UNSHADED PARQUET false");
    assertThat(p.exitValue()).isZero();
  }
}

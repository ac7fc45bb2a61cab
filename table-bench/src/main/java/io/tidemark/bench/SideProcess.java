package io.tidemark.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One side of a comparison (Tidemark, parquet-hadoop, or parquet-hadoop forcing its files) running
 * in a JVM of its own, a {@link SideWorker}, driven line by line over its standard input and
 * output. Sides share no JIT profile: in one JVM, parquet's code that both sides run (column
 * writers, compressors, output streams) was compiled for whichever side ran first and recompiled
 * when the other came, and a side measured right after the other was up to 1.5× slower.
 */
final class SideProcess implements AutoCloseable {
  /**
   * JVM options of every side, replaced by {@code TIDEMARK_BENCH_SIDE_JAVA_OPTS}. The heap is
   * touched at start: on these virtual machines memory touched for the first time costs about
   * 2.3 ms per MB, and a side whose heap was still growing into fresh memory ran up to 3× slower
   * in its first repetitions.
   */
  static final String DEFAULT_JAVA_OPTS = "-Xms2g -Xmx2g -XX:+AlwaysPreTouch";

  private final String engine;
  private final Process process;
  private final BufferedWriter commands;
  private final BufferedReader replies;

  private SideProcess(String engine, Process process) {
    this.engine = engine;
    this.process = process;
    this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts a side's JVM, which generates the rows and waits for commands. */
  static SideProcess start(String engine, BenchConfig config) {
    String opts = System.getenv("TIDEMARK_BENCH_SIDE_JAVA_OPTS");
    return start(engine, config, opts == null || opts.isBlank() ? DEFAULT_JAVA_OPTS : opts);
  }

  /** Starts a side's JVM with these JVM options (separated by white space). */
  static SideProcess start(String engine, BenchConfig config, String javaOpts) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SideWorker.class.getName(),
        engine, Integer.toString(config.rows()), Integer.toString(config.appends())));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      SideProcess side = new SideProcess(engine, p);
      side.await("ready");
      return side;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + engine + " side", e);
    }
  }

  /** Sends one command (words joined by tabs) and returns the words of its reply after "ok". */
  String[] call(String... words) {
    try {
      commands.write(String.join("\t", words));
      commands.newLine();
      commands.flush();
      return await("ok");
    } catch (IOException e) {
      throw new UncheckedIOException("the " + engine + " side stopped answering", e);
    }
  }

  private String[] await(String expected) throws IOException {
    String line;
    while ((line = replies.readLine()) != null) {
      if (!line.startsWith(SideWorker.REPLY)) {
        System.err.println("[" + engine + "] " + line); // anything else the side printed
        continue;
      }
      String[] words = line.substring(SideWorker.REPLY.length()).split("\t", -1);
      if (!words[0].equals(expected)) {
        throw new IllegalStateException("the " + engine + " side failed: " + line.substring(SideWorker.REPLY.length()));
      }
      return Arrays.copyOfRange(words, 1, words.length);
    }
    throw new IllegalStateException("the " + engine + " side exited (code " + exitCode() + ")");
  }

  private String exitCode() {
    try {
      return process.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "none yet";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** Asks the side to quit; ends it if it does not within ten seconds. */
  @Override
  public void close() {
    try {
      commands.write("quit");
      commands.newLine();
      commands.flush();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

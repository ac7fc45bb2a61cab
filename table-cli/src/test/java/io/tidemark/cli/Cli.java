package io.tidemark.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr. */
final class Cli {
  static final String ORDERS = "id long not null, name string, ts timestamp, amount double";

  private Cli() {}

  /** What a run printed and returned; {@code err} holds what was logged, then the command's stderr. */
  record Result(int exitCode, String out, String err) {
    /** Non-empty stderr lines. */
    java.util.List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    Result r = run(new PrintWriter(out, true), args);
    return new Result(r.exitCode(), out.toString(), r.err());
  }

  /** Runs with stdout going to {@code out}; the result's {@code out} is empty. */
  static Result run(PrintWriter out, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = TidemarkCli.newCommandLine();
    cmd.setOut(out);
    cmd.setErr(new PrintWriter(err, true));
    // log events reach the console appender on stderr: collect the same events beside it
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    int code;
    try {
      code = cmd.execute(args);
    } finally {
      root.detachAppender(logged);
    }
    String log = logged.list.stream()
        .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage() + "\n")
        .collect(Collectors.joining());
    return new Result(code, "", log + err);
  }

  /** Runs and fails the test unless the exit code is 0. */
  static Result ok(String... args) {
    Result r = run(args);
    if (r.exitCode() != 0) {
      throw new AssertionError("exit " + r.exitCode() + " for " + String.join(" ", args) + "\nstdout:\n"
          + r.out() + "\nstderr:\n" + r.err());
    }
    return r;
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the command line in a JVM of its own, as {@code bin/tidemark} does, with the test's classpath. */
  static ProcessBuilder process(String... args) {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), TidemarkCli.class.getName()));
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command);
  }

  /** The number of files under a table's data/ folder. */
  static long dataFiles(Path table) {
    Path data = table.resolve("data");
    if (!Files.exists(data)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table of orders with two appends (3 rows, then 2 rows): versions 0, 1, 2. */
  static Path ordersTable(Path dir) {
    Path table = dir.resolve("orders");
    ok("create", table.toString(), "--schema", ORDERS);
    ok("append", table.toString(), "--csv", write(dir.resolve("a.csv"), """
        id,name,ts,amount
        1,Ada,2024-01-02T10:00:00.123Z,12.5
        2,Grace,2024-01-02 11:00:00,7.25
        3,Alan,2024-01-02T13:00:00+02:00,
        """).toString());
    ok("append", table.toString(), "--csv", write(dir.resolve("b.csv"), """
        id,name,ts,amount
        4,Edsger,2024-01-03T09:30:00Z,3
        5,,2024-01-03T10:00:00.000001Z,99.99
        """).toString());
    return table;
  }
}

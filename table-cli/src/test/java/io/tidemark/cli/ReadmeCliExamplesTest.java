package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's command line examples as written: every line of a {@code ```bash} block that
 * starts with {@code bin/tidemark} (continued by a trailing backslash), in order, in-process, with
 * {@code /tmp/t} (and any other {@code /tmp/} path) and the files the examples name in a scratch
 * directory. Each block starts with a
 * new table; a block that does not create it gets one with two appends of {@code payments.csv}.
 * Lines on {@code s3://} tables are left out (they need a bucket; S3CommandsTest covers S3).
 */
class ReadmeCliExamplesTest {
  private static final String PAYMENTS = """
      id,name,ts,amount
      1,Ada,2024-01-01T10:00:00Z,12.5
      2,Grace,2024-01-02 11:00:00,-3
      3,Alan,2024-01-02T13:00:00+02:00,40
      """;

  @TempDir
  Path dir;

  /** The fenced bash blocks of the README, each as its commands (continuations joined). */
  static List<List<String>> commandBlocks(List<String> readme) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = null;
    StringBuilder pending = null;
    for (String line : readme) {
      if (block == null) {
        if (line.equals("```bash")) {
          block = new ArrayList<>();
        }
        continue;
      }
      if (line.equals("```")) {
        if (!block.isEmpty()) {
          blocks.add(block);
        }
        block = null;
        continue;
      }
      if (pending == null && !line.startsWith("bin/tidemark ")) {
        continue;
      }
      String text = stripComment(line);
      pending = pending == null ? new StringBuilder(text) : pending.append(' ').append(text.strip());
      if (pending.toString().endsWith("\\")) {
        pending.setLength(pending.length() - 1);
      } else {
        String command = pending.toString().strip();
        if (!command.contains("s3://")) {
          block.add(command);
        }
        pending = null;
      }
    }
    return blocks;
  }

  private static String stripComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
        return line.substring(0, i).stripTrailing();
      }
    }
    return line;
  }

  /** Words as the shell splits them: single and double quotes group and are removed. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private void writeFixtures() throws IOException {
    Cli.write(dir.resolve("payments.csv"), PAYMENTS);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("payments.tsv.gz")))) {
      out.write("id\tname\tts\tamount\n4\tNA\t2024-01-03\t7\n".getBytes(StandardCharsets.UTF_8));
    }
    Cli.write(dir.resolve("payments.ndjson"), "{\"id\": 5, \"name\": \"Edsger\", \"ts\": \"2024-01-03 09:00:00\", \"amount\": 99.5}\n");
    Cli.write(dir.resolve("wider.csv"), "id,name,ts,amount,channel\n6,Barbara,2024-01-04,1.5,web\n");
  }

  /** Runs one README command; {@code < file} feeds standard input, {@code > file} takes stdout. */
  private void run(String command, Path table) throws IOException {
    List<String> words = words(command);
    assertThat(words.get(0)).isEqualTo("bin/tidemark");
    List<String> args = new ArrayList<>();
    Path stdin = null;
    Path stdout = null;
    Map<String, Path> files = Map.of("payments.csv", dir.resolve("payments.csv"),
        "payments.tsv.gz", dir.resolve("payments.tsv.gz"), "payments.ndjson", dir.resolve("payments.ndjson"),
        "wider.csv", dir.resolve("wider.csv"));
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("<")) {
        stdin = files.get(words.get(++i));
      } else if (w.equals(">")) {
        stdout = dir.resolve(words.get(++i));
      } else {
        // /tmp/t is the block's table (also in sql's --table NAME=/tmp/t[@VERSION]); any other
        // /tmp/ path a scratch path beside it
        args.add(w.equals("/tmp/t") ? table.toString()
            : w.matches("\\w+=/tmp/t(@.*)?") ? w.replace("=/tmp/t", "=" + table)
            : w.startsWith("/tmp/") ? dir.resolve(table.getFileName() + "-" + w.substring(5)).toString()
            : files.containsKey(w) ? files.get(w).toString() : w);
      }
    }
    InputStream before = System.in;
    Cli.Result r;
    try (InputStream in = stdin == null ? InputStream.nullInputStream() : Files.newInputStream(stdin)) {
      System.setIn(in);
      r = Cli.run(args.toArray(String[]::new));
    } finally {
      System.setIn(before);
    }
    assertThat(r.exitCode()).as(command + "\n" + r.err()).isZero();
    assertThat(r.out()).as(command).isNotBlank();
    if (stdout != null) {
      Files.writeString(stdout, r.out());
    }
  }

  @Test
  void everyCommandLineExampleOfTheReadmeRunsAsWritten() throws IOException {
    writeFixtures();
    List<List<String>> blocks = commandBlocks(Files.readAllLines(ReadmeSnippetsTest.readme()));
    assertThat(blocks.stream().mapToInt(List::size).sum()).as("README commands").isGreaterThan(20);
    int n = 0;
    for (List<String> block : blocks) {
      Path table = dir.resolve("t" + n++);
      if (!block.get(0).startsWith("bin/tidemark create ") && !block.get(0).startsWith("bin/tidemark demo")) {
        Cli.ok("create", table.toString(), "--schema", "id long not null, name string, ts timestamp, amount double");
        Cli.ok("append", table.toString(), "--csv", dir.resolve("payments.csv").toString());
        Cli.ok("append", table.toString(), "--csv", dir.resolve("payments.csv").toString());
      }
      for (String command : block) {
        run(command, table);
      }
    }
    assertThat(Files.readString(dir.resolve("tidemark-completion.bash"))).contains("complete -F");
  }

  @Test
  void wordsSplitLikeTheShell() {
    assertThat(words("bin/tidemark scan /tmp/t --where \"ts >= '2024-01-02'\" --delimiter '\\t'"))
        .containsExactly("bin/tidemark", "scan", "/tmp/t", "--where", "ts >= '2024-01-02'", "--delimiter", "\\t");
    assertThat(stripComment("bin/tidemark x --where \"a # b\"   # comment")).isEqualTo("bin/tidemark x --where \"a # b\"");
  }
}

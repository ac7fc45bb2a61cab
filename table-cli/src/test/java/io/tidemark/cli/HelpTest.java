package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {
  private static final Pattern COMMAND_LINE = Pattern.compile("^  ([a-z]+)\\s{2,}(\\S.*)$");

  /** The Commands section of the top-level help: each command with its description, lines joined. */
  private static List<String[]> commandsSection(String help) {
    List<String[]> commands = new ArrayList<>();
    boolean inside = false;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        inside = true;
      } else if (inside && line.isBlank()) {
        break;
      } else if (inside) {
        Matcher m = COMMAND_LINE.matcher(line);
        if (m.matches()) {
          commands.add(new String[] {m.group(1), m.group(2).strip()});
        } else {
          String[] last = commands.get(commands.size() - 1);
          last[1] = last[1] + " " + line.strip();
        }
      }
    }
    return commands;
  }

  @Test
  void theTopLevelHelpListsEveryCommandWithACompleteSentence() {
    List<String[]> commands = commandsSection(Cli.ok("--help").out());
    List<String> names = commands.stream().map(c -> c[0]).toList();
    assertThat(names).containsAll(TidemarkCli.newCommandLine().getSubcommands().keySet());
    assertThat(commands).allSatisfy(c -> assertThat(c[1]).as(c[0]).endsWith(".").doesNotContain(":"));
  }

  @Test
  void everyCommandsHelpEndsWithExamplesOfThatCommand() {
    for (String name : TidemarkCli.newCommandLine().getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      List<String> lines = Cli.ok(name, "--help").out().lines().toList();
      int examples = lines.lastIndexOf("Examples:") >= 0 ? lines.lastIndexOf("Examples:") : lines.lastIndexOf("Example:");
      assertThat(examples).as(name + " has examples").isPositive();
      List<String> shown = lines.subList(examples + 1, lines.size());
      assertThat(shown).as(name).isNotEmpty();
      for (int i = 0; i < shown.size(); i++) { // each example, or the continuation of one
        boolean continued = i > 0 && shown.get(i - 1).endsWith("\\");
        assertThat(continued || shown.get(i).contains("tidemark " + name)).as(name + ": " + shown.get(i)).isTrue();
      }
    }
  }

  @Test
  void aUsageErrorIsOneLineAndAHintToTheCommandsHelp() {
    Cli.Result r = Cli.run("scan", "--limit", "ten", "t");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "tidemark: Invalid value for option '--limit': 'ten' is not a long",
        "Try 'tidemark scan --help' for more information.");
  }

  @Test
  void aMisspelledCommandSuggestsTheRightOne() {
    Cli.Result r = Cli.run("scna", "t");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines().get(0)).startsWith("tidemark: Unmatched arguments");
    assertThat(r.err()).contains("scan").contains("Try 'tidemark --help'").doesNotContain("Usage:");
  }

  @Test
  void completionPrintsABashScriptCoveringTheCommandsAndTheirOptions() {
    String script = Cli.ok("completion", "bash").out();
    assertThat(script).startsWith("#!/usr/bin/env bash").contains("complete -F").contains("scan")
        .contains("--as-of").contains("properties");
    assertThat(new CommandLine(new TidemarkCli()).getSubcommands()).containsKey("completion");
  }
}

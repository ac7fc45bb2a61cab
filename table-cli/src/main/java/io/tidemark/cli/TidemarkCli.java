package io.tidemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tidemark} command line: creates tables, appends CSV files to them, scans them (at a
 * version or an instant) and prints their history. {@code tidemark demo} shows all of it at once.
 *
 * <p>Exit codes: 0 on success, 1 when the command failed (one line on stderr, {@code tidemark: ...},
 * followed by the stack trace with {@code --verbose}), 2 for a usage error. Log output appears only
 * with {@code --verbose}.
 */
@Command(name = "tidemark",
    mixinStandardHelpOptions = true,
    version = "tidemark " + TidemarkCli.VERSION,
    description = "Creates, appends to, scans, inspects and maintains Tidemark tables.%n"
        + "A table is a directory (or a file:/hdfs: URI) of Parquet data files and a JSON transaction log.",
    subcommands = {DemoCommand.class, CreateCommand.class, AppendCommand.class, OverwriteCommand.class, MergeCommand.class,
        ScanCommand.class, SqlCommand.class, PlanCommand.class, DescribeCommand.class, FilesCommand.class, DiffCommand.class,
        HistoryCommand.class, CheckpointCommand.class, RestoreCommand.class, DeleteCommand.class,
        CompactCommand.class, VacuumCommand.class, SchemaCommand.class, AlterCommand.class,
        PropertiesCommand.class, ChangesCommand.class, CompletionCommand.class, HelpCommand.class},
    footer = {"", "Start with: tidemark demo"})
public final class TidemarkCli implements Runnable {
  /** The version {@code --version} prints. */
  static final String VERSION = "0.1.0";

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print log warnings on stderr, and when a command fails, the stack trace after the error line.")
  boolean verbose;

  @Spec
  CommandSpec spec;

  /** Made by picocli. */
  TidemarkCli() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command's arguments
   */
  public static void main(String[] args) {
    CommandLine cmd = newCommandLine();
    cmd.setOut(StdoutWriter.stdout());
    int code;
    try {
      code = cmd.execute(args);
    } catch (OutputClosedException e) { // from help text printed outside a command
      code = ErrorHandler.closedOutput(e, cmd.getErr());
    }
    System.exit(code);
  }

  /** The configured command line; tests set its out and err writers and call {@code execute}. */
  static CommandLine newCommandLine() {
    CommandLine cmd = new CommandLine(new TidemarkCli());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    return cmd;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}

package io.tidemark.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every subcommand shares: {@code --help}, the output writer, and exit code 0 when it returns. */
abstract class BaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** Does the work; output goes to {@link #out()}, failures are thrown. */
  abstract void run() throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      run();
      return 0;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) {
      throw new UnexpectedError(e);
    } finally {
      out().flush();
    }
  }

  /** Where results go (stdout unless a test says otherwise). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}

package io.tidemark.cli;

import io.tidemark.core.Table;
import io.tidemark.core.TableOptions;
import io.tidemark.core.Tables;
import io.tidemark.s3.S3FileIOProvider;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @Option(names = "--s3-endpoint", paramLabel = "URL",
      description = "For s3:// tables: the S3 endpoint (MinIO, another S3-compatible store); by default the"
          + " AWS SDK's own (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, profiles).")
  String s3Endpoint;

  @Option(names = "--s3-path-style", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
      description = "For s3:// tables: path-style addressing (default: on when a custom endpoint is set).")
  Boolean s3PathStyle;

  /** Tables this command opened or created, closed when it ends. */
  private final List<Table> tables = new ArrayList<>();

  /** Does the work; output goes to {@link #out()}, failures are thrown. */
  abstract void run() throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      Logging.configure(ErrorHandler.verbose(spec.root().commandLine().getParseResult()));
      run();
      return 0;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) {
      throw new UnexpectedError(e);
    } finally {
      try {
        closeTables();
      } finally {
        out().flush();
      }
    }
  }

  /** The table options the command line gives: the S3 flags. */
  TableOptions options() {
    Map<String, String> options = new LinkedHashMap<>();
    if (s3Endpoint != null) {
      options.put(S3FileIOProvider.ENDPOINT, s3Endpoint);
    }
    if (s3PathStyle != null) {
      options.put(S3FileIOProvider.PATH_STYLE, s3PathStyle.toString());
    }
    return TableOptions.of(options);
  }

  /** Opens a table with the command line's options; it is closed when the command ends. */
  Table open(String location) {
    return closedAtEnd(Tables.open(location, options()));
  }

  /** Creates a table with the command line's options; it is closed when the command ends. */
  Table create(String location, Schema schema, PartitionSpec spec, Map<String, String> properties) {
    return closedAtEnd(Tables.create(location, schema, spec, properties, options()));
  }

  private Table closedAtEnd(Table table) {
    tables.add(table);
    return table;
  }

  private void closeTables() {
    RuntimeException failure = null;
    for (Table t : tables) {
      try {
        t.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    tables.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * How wide a line of {@code format} may be: the terminal's width for a table on a terminal, else
   * 0 (no limit; piped output is never cut).
   */
  int lineWidth(OutputFormat format) {
    return format == OutputFormat.TABLE ? Terminal.stdoutWidth() : 0;
  }

  /** Where results go (stdout unless a test says otherwise). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}

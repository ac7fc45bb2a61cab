package io.tidemark.cli;

import io.tidemark.s3.S3FileIOProvider;
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

  @Option(names = "--s3-endpoint", paramLabel = "URL",
      description = "For s3:// tables: the S3 endpoint (MinIO, another S3-compatible store); by default the"
          + " AWS SDK's own (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, profiles).")
  String s3Endpoint;

  @Option(names = "--s3-path-style", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
      description = "For s3:// tables: path-style addressing (default: on when a custom endpoint is set).")
  Boolean s3PathStyle;

  /** Does the work; output goes to {@link #out()}, failures are thrown. */
  abstract void run() throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      Logging.configure(ErrorHandler.verbose(spec.root().commandLine().getParseResult()));
      if (s3Endpoint != null) {
        System.setProperty(S3FileIOProvider.ENDPOINT_PROPERTY, s3Endpoint);
      }
      if (s3PathStyle != null) {
        System.setProperty(S3FileIOProvider.PATH_STYLE_PROPERTY, s3PathStyle.toString());
      }
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

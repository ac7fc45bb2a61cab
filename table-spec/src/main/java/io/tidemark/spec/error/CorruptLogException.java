package io.tidemark.spec.error;

/**
 * A log file cannot be trusted: a line is not valid JSON, a required field is missing, an action
 * is unknown, the file is truncated, or a commit file is missing from the middle of the log.
 */
public class CorruptLogException extends TidemarkException {
  private final String file;
  private final int line;

  /**
   * @param file the log file, as a path or name
   * @param line the 1-based line number, or 0 when the problem is not on one line
   * @param problem what is wrong
   */
  public CorruptLogException(String file, int line, String problem) {
    super(describe(file, line, problem));
    this.file = file;
    this.line = line;
  }

  /** Same, keeping the parser's error as the cause. */
  public CorruptLogException(String file, int line, String problem, Throwable cause) {
    super(describe(file, line, problem), cause);
    this.file = file;
    this.line = line;
  }

  private static String describe(String file, int line, String problem) {
    return "corrupt log file " + file + (line > 0 ? " line " + line : "") + ": " + problem;
  }

  /** The damaged file. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }
}

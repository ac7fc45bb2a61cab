package io.tidemark.core.internal.log;

import io.tidemark.core.internal.io.TableLocations;
import java.util.regex.Pattern;

/** Names of the files in {@code _log/}. */
public final class LogFiles {
  /** The log directory under the table root, with its trailing slash. */
  public static final String LOG_DIR = TableLocations.LOG_DIR + "/";
  private static final Pattern COMMIT = Pattern.compile("[0-9]{20}\\.json");
  private static final Pattern CHECKPOINT = Pattern.compile("[0-9]{20}\\.checkpoint\\.json");

  private LogFiles() {}

  /** {@code 00000000000000000042.json} for version 42. */
  public static String commitFileName(long version) {
    return padded(version) + ".json";
  }

  /** {@code 00000000000000000100.checkpoint.json} for version 100. */
  public static String checkpointFileName(long version) {
    return padded(version) + ".checkpoint.json";
  }

  /** The version in 20 digits; a hot path (every probe of the log names a file), so no Formatter. */
  private static String padded(long version) {
    if (version < 0) {
      throw new IllegalArgumentException("versions are not negative: " + version);
    }
    String digits = Long.toString(version);
    return "0".repeat(20 - digits.length()) + digits;
  }

  /** The version a checkpoint file name stands for, or -1 when the name is not a checkpoint's. */
  public static long parseCheckpointVersion(String name) {
    if (!CHECKPOINT.matcher(name).matches()) {
      return -1;
    }
    return Long.parseLong(name, 0, 20, 10);
  }

  /** The path of a commit file relative to the table root. */
  public static String commitPath(long version) {
    return LOG_DIR + commitFileName(version);
  }

  /** The version a commit file name stands for, or -1 when the name is not a commit file's. */
  public static long parseCommitVersion(String name) {
    if (!COMMIT.matcher(name).matches()) {
      return -1;
    }
    return Long.parseLong(name, 0, 20, 10);
  }
}

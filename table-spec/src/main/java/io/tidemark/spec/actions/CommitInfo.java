package io.tidemark.spec.actions;

import io.tidemark.spec.error.InvalidArgumentException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The first action of every commit: when and how the commit was made.
 *
 * @param timestamp the in-commit timestamp, epoch milliseconds, from {@link #MIN_TIMESTAMP} to
 *     {@link #MAX_TIMESTAMP}; writers make it greater than the previous commit's
 * @param operation what the commit did, e.g. {@code CREATE TABLE}, {@code APPEND}
 * @param operationParameters the operation's parameters
 * @param readVersion the version the writer read before committing, or null for the first commit
 * @param isolationLevel the isolation level the commit was checked under
 * @param blindAppend true when the commit only adds files and read nothing it depends on
 * @param txnId a UUID unique to this commit attempt's transaction, used to recognise one's own
 *     commit after an ambiguous write
 * @param operationMetrics counts such as files and rows added
 * @param engineInfo the writer's name and version
 * @param actionCount the number of actions that follow in the same file; a reader that finds a
 *     different number knows the file is damaged
 */
public record CommitInfo(long timestamp, String operation, Map<String, String> operationParameters,
    Long readVersion, String isolationLevel, boolean blindAppend, String txnId,
    Map<String, Long> operationMetrics, String engineInfo, int actionCount) implements Action {
  /** The earliest in-commit timestamp: 1970-01-01T00:00:00Z (spec.md section 10.3). */
  public static final long MIN_TIMESTAMP = 0L;
  /**
   * The latest in-commit timestamp: 9999-12-31T23:59:59.999Z, the last instant ISO-8601 writes
   * with four year digits; far enough from {@code Long.MAX_VALUE} that the next timestamp never
   * overflows.
   */
  public static final long MAX_TIMESTAMP = 253_402_300_799_999L;

  /**
   * Copies the maps and checks the timestamp's range.
   *
   * @throws InvalidArgumentException when the timestamp is outside {@link #MIN_TIMESTAMP} ..
   *     {@link #MAX_TIMESTAMP}
   */
  public CommitInfo {
    checkTimestamp(timestamp);
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(isolationLevel, "isolationLevel");
    operationParameters = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(operationParameters)));
    operationMetrics = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(operationMetrics)));
  }

  /**
   * The in-commit timestamp of the commit after one stamped {@code previous}, for a writer whose
   * clock reads {@code clock}: {@code max(clock, previous + 1)} (spec.md section 10.3).
   *
   * @throws InvalidArgumentException when the result is outside the range of in-commit
   *     timestamps: the clock is before 1970, or the previous commit is already stamped at the
   *     last instant the format allows
   */
  public static long nextTimestamp(long clock, long previous) {
    checkTimestamp(previous);
    long next = Math.max(clock, previous + 1); // previous + 1 cannot overflow: previous <= MAX_TIMESTAMP
    if (next > MAX_TIMESTAMP) {
      throw new InvalidArgumentException("cannot stamp a commit after one stamped " + Instant.ofEpochMilli(previous)
          + ": in-commit timestamps end at " + Instant.ofEpochMilli(MAX_TIMESTAMP));
    }
    return next;
  }

  /**
   * Checks that a value is in the range of in-commit timestamps.
   *
   * @throws InvalidArgumentException naming the value and the range
   */
  public static void checkTimestamp(long millis) {
    if (millis < MIN_TIMESTAMP || millis > MAX_TIMESTAMP) {
      throw new InvalidArgumentException("in-commit timestamp " + millis + " is outside the range "
          + MIN_TIMESTAMP + " (" + Instant.ofEpochMilli(MIN_TIMESTAMP) + ") to " + MAX_TIMESTAMP + " ("
          + Instant.ofEpochMilli(MAX_TIMESTAMP) + ")");
    }
  }

  /** The same commit info at another timestamp and action count (used when a commit is retried). */
  public CommitInfo withTimestampAndCount(long newTimestamp, int newActionCount) {
    return new CommitInfo(newTimestamp, operation, operationParameters, readVersion, isolationLevel,
        blindAppend, txnId, operationMetrics, engineInfo, newActionCount);
  }

  @Override
  public String actionName() {
    return "commitInfo";
  }
}

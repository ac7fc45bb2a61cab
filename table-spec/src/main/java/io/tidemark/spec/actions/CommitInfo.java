package io.tidemark.spec.actions;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The first action of every commit: when and how the commit was made.
 *
 * @param timestamp the in-commit timestamp, epoch milliseconds; strictly greater than the
 *     previous commit's
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
  /** Copies the maps. */
  public CommitInfo {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(isolationLevel, "isolationLevel");
    operationParameters = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(operationParameters)));
    operationMetrics = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(operationMetrics)));
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

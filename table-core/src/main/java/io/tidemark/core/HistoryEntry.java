package io.tidemark.core;

import java.time.Instant;
import java.util.Map;

/**
 * One version in a table's history, from its commit info.
 *
 * @param version the version
 * @param timestamp its in-commit timestamp
 * @param operation what it did, e.g. {@code WRITE}
 * @param parameters the operation's parameters, e.g. {@code mode=Append}
 * @param metrics counts such as {@code numFiles}, {@code numOutputRows}, {@code numOutputBytes}
 * @param readVersion the version the writer read, or null for the first commit
 * @param isolationLevel the isolation level it was checked under
 * @param blindAppend true when it only added files
 * @param engineInfo the writer's name and version, or null
 */
public record HistoryEntry(long version, Instant timestamp, String operation, Map<String, String> parameters,
    Map<String, Long> metrics, Long readVersion, String isolationLevel, boolean blindAppend, String engineInfo) {
  /** Copies the maps. */
  public HistoryEntry {
    parameters = Map.copyOf(parameters);
    metrics = Map.copyOf(metrics);
  }
}

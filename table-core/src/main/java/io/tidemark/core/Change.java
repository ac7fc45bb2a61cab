package io.tidemark.core;

import io.tidemark.core.data.Record;
import java.time.Instant;
import java.util.Objects;

/**
 * One row changed by one commit, as {@link Table#changes(long, long)} returns it.
 *
 * @param version the version whose commit made the change
 * @param timestamp that commit's in-commit timestamp
 * @param type what happened to the row
 * @param row the row (read with the schema of the newest version asked for)
 */
public record Change(long version, Instant timestamp, ChangeType type, Record row) {
  /** Checks that nothing is null. */
  public Change {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(row, "row");
  }
}

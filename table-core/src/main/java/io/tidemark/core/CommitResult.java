package io.tidemark.core;

import java.time.Instant;

/**
 * A commit that happened.
 *
 * @param version the table version it created
 * @param timestamp its in-commit timestamp
 * @param attempts how many versions it tried before it landed (1 without contention)
 * @param filesAdded data files it added
 * @param rowsAdded rows it added
 */
public record CommitResult(long version, Instant timestamp, int attempts, long filesAdded, long rowsAdded) {
}

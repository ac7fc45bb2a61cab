package io.tidemark.core;

import java.time.Instant;

/**
 * A restore that was committed.
 *
 * @param version the version the restore created
 * @param timestamp its in-commit timestamp
 * @param restoredVersion the version whose files the table now holds
 * @param numRestoredFiles files added back
 * @param numRemovedFiles files removed
 * @param restoredBytes bytes of the files added back
 * @param removedBytes bytes of the files removed
 */
public record RestoreResult(long version, Instant timestamp, long restoredVersion, long numRestoredFiles,
    long numRemovedFiles, long restoredBytes, long removedBytes) {
}

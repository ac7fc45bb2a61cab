package io.tidemark.core.internal.commit;

import io.tidemark.core.internal.snapshot.TableState;

/**
 * A commit that happened.
 *
 * @param version the version it landed at
 * @param timestampMillis its in-commit timestamp
 * @param attempts how many versions were tried (1 when there was no race)
 * @param snapshot the table right after the commit
 */
public record CommitOutcome(long version, long timestampMillis, int attempts, TableState snapshot) {
}

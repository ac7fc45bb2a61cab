package io.tidemark.core.internal.log;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * What one listing of {@code _log/} found: the versions that have a commit file and those that
 * have a checkpoint file.
 *
 * @param commits versions with a commit file, ascending
 * @param checkpoints versions with a checkpoint file, ascending
 */
public record LogListing(NavigableSet<Long> commits, NavigableSet<Long> checkpoints) {
  /** Keeps read-only copies. */
  public LogListing {
    commits = Collections.unmodifiableNavigableSet(new TreeSet<>(commits));
    checkpoints = Collections.unmodifiableNavigableSet(new TreeSet<>(checkpoints));
  }
}

package io.tidemark.core.internal.commit;

import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.log.TransactionLog;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.io.FileIO;
import java.time.Instant;

/** A table that an operation sees as it was at an earlier state, to make it lose a race on purpose. */
public final class StaleTables {
  private StaleTables() {}

  /** The table, except that its newest state is {@code stale}; commits go to the real log. */
  public static TableContext readingAt(TableContext ctx, TableState stale) {
    return new TableContext() {
      @Override public FileIO io() { return ctx.io(); }
      @Override public String location() { return ctx.location(); }
      @Override public TableLocations locations() { return ctx.locations(); }
      @Override public TableState latestState() { return stale; }
      @Override public TableState stateAt(long version) { return ctx.stateAt(version); }
      @Override public TableState stateAsOf(Instant timestamp) { return ctx.stateAsOf(timestamp); }
      @Override public TransactionLog log() { return ctx.log(); }
      @Override public Committer committer() { return ctx.committer(); }
      @Override public void afterCommit(TableState committed) { ctx.afterCommit(committed); }
    };
  }
}

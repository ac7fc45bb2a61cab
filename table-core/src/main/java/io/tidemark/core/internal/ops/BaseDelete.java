package io.tidemark.core.internal.ops;

import io.tidemark.core.Delete;
import io.tidemark.core.DeleteResult;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A delete by filter: plans, removes or rewrites files (see {@link RowRemoval}), commits {@code DELETE}. */
final class BaseDelete implements Delete {
  private final TableContext table;
  private final TableState read;
  private Expression filter;
  private boolean committed;

  BaseDelete(TableContext table) {
    this.table = table;
    this.read = table.latestState();
    ProtocolSupport.checkWritable(read.protocol(), table.location());
  }

  @Override
  public Delete where(Expression filter) {
    this.filter = Objects.requireNonNull(filter, "filter");
    return this;
  }

  @Override
  public Delete where(String filter) {
    return where(Expressions.parse(filter));
  }

  @Override
  public DeleteResult commit() {
    if (filter == null) {
      throw new InvalidArgumentException("a delete needs a filter: where(...); alwaysTrue() deletes every row");
    }
    if (committed) {
      throw new InvalidArgumentException("this delete has committed already; make a new one");
    }
    committed = true;
    RowRemoval removal = new RowRemoval(table, read, filter,
        DeleteMode.fromProperties(read.metadata().properties())).run();
    if (removal.removes().isEmpty()) {
      return new DeleteResult(-1, 0, 0, 0, 0, 0);
    }
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("numDeletedRows", removal.deletedRows());
    metrics.put("numRemovedFiles", (long) removal.removes().size());
    metrics.put("numRemovedFilesUnread", removal.removedUnread());
    metrics.put("numAddedFiles", (long) removal.adds().size());
    metrics.put("numCopiedRows", removal.copiedRows());
    if (removal.vectorsWritten() > 0) {
      metrics.put("numDeletionVectors", removal.vectorsWritten());
    }
    PendingCommit pending = PendingCommit.builder(OPERATION).parameters(Map.of("predicate", filter.toString()))
        .metrics(metrics).removes(removal.removes()).adds(removal.adds()).reads(removal.reads()).build();
    CommitOutcome outcome = Commits.commit(table, read, pending, List.of(), removal::abort);
    return new DeleteResult(outcome.version(), removal.deletedRows(), removal.removes().size(),
        removal.removedUnread(), removal.adds().size(), removal.copiedRows());
  }
}

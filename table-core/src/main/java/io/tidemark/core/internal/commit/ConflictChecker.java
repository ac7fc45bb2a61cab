package io.tidemark.core.internal.commit;

import io.tidemark.core.internal.log.Commit;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.CommitConflictException;
import io.tidemark.spec.error.DuplicateTransactionException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a pending commit can be rebased over a commit that won the race for its
 * version (spec.md, "Conflicts"). Appends never conflict with appends.
 */
final class ConflictChecker {
  private static final Set<String> APPEND_SAFE_FEATURES = Set.of(Protocol.DELETION_VECTORS);

  private ConflictChecker() {}

  /**
   * @throws CommitConflictException when the two commits cannot both apply
   * @throws DuplicateTransactionException when the winner recorded the same application transaction
   */
  static void check(PendingCommit pending, Commit winner) {
    check(pending, winner, null);
  }

  /**
   * Like {@link #check(PendingCommit, Commit)}, knowing the metadata before the winner: a blind
   * append without metadata of its own rebases over a winner whose only change to the metadata
   * adds optional columns or sets properties (the append's files read the same under the new
   * schema, by field id).
   *
   * @param before the metadata of the version before the winner, or null when unknown
   */
  static void check(PendingCommit pending, Commit winner, Metadata before) {
    String by = " by version " + winner.version() + " (" + winner.info().operation() + ")";
    Txn txn = pending.txn();
    if (txn != null) {
      for (Txn other : winner.txns()) {
        if (other.appId().equals(txn.appId()) && other.version() >= txn.version()) {
          throw new DuplicateTransactionException(txn.appId(), txn.version(), other.version());
        }
      }
    }
    boolean plainAppend = pending.blindAppend() && pending.metadata() == null && pending.protocol() == null;
    if (winner.protocol() != null
        && !(plainAppend && onlyAppendSafeFeatures(winner.protocol()) && withoutVectors(pending.adds()))) {
      throw new CommitConflictException(winner.version(), "the protocol was changed concurrently" + by);
    }
    if (winner.metadata() != null) {
      if (!plainAppend) {
        throw new CommitConflictException(winner.version(), "the table metadata was changed concurrently" + by
            + (pending.metadata() != null ? "; this commit changes it too: retry against the new metadata" : ""));
      }
      if (before == null || !SchemaChanges.onlyAddsOptionalColumnsOrSetsProperties(before, winner.metadata())) {
        throw new CommitConflictException(winner.version(), "the table metadata was changed concurrently" + by
            + " in a way other than adding optional columns or setting properties (schema id "
            + (before == null ? "?" : before.schemaId())
            + " -> " + winner.metadata().schemaId() + "); this append was written against the old schema or spec");
      }
    }
    boolean winnerAppendOnly = winner.info().blindAppend() && winner.metadata() == null && winner.protocol() == null
        && winner.removes().isEmpty();
    boolean protocolRebases = pending.protocol() == null
        || onlyAppendSafeFeatures(pending.protocol()) && withoutVectors(winner.adds());
    if ((pending.metadata() != null || pending.protocol() != null) && winnerAppendOnly && protocolRebases) {
      // a schema, spec or property change (alone or in a transaction) rebases over a plain append: the appended
      // files were written with the schema and default spec it read, like every file before them; a change that
      // depends on the table being empty (a required column) carries a whole-table read set, and the
      // transaction's own data changes are checked below as any commit's. A protocol that only adds
      // deletion vectors changes how rows are read, not what a plain append writes: the appended files,
      // without vectors, read the same either way
    } else if (pending.metadata() != null || pending.protocol() != null) {
      throw new CommitConflictException(winner.version(),
          "this commit changes the table metadata, and the table changed concurrently" + by);
    }
    if (!pending.adds().isEmpty() && !winner.adds().isEmpty()) {
      // files written elsewhere may be committed twice by mistake (a retried worker): only one may land
      Set<String> adding = new HashSet<>();
      for (AddFile a : pending.adds()) {
        adding.add(a.path());
      }
      for (AddFile a : winner.adds()) {
        if (adding.contains(a.path())) {
          throw new CommitConflictException(winner.version(), "file " + a.path() + " was added concurrently" + by);
        }
      }
    }
    if (!pending.removes().isEmpty()) {
      Set<String> removing = new HashSet<>();
      for (RemoveFile r : pending.removes()) {
        removing.add(r.path());
      }
      for (RemoveFile r : winner.removes()) {
        if (removing.contains(r.path())) {
          throw new CommitConflictException(winner.version(), "file " + r.path() + " was removed concurrently" + by);
        }
      }
    }
    ReadConflicts.check(pending, winner, by);
  }

  /**
   * True when a protocol asks nothing of a plain append's files: versions this library implements
   * and no feature but deletion vectors, which only tell readers to skip the rows a file's vector
   * names (spec.md section 11.2).
   */
  private static boolean onlyAppendSafeFeatures(Protocol protocol) {
    return protocol.minReaderVersion() <= Protocol.READER_VERSION
        && protocol.minWriterVersion() <= Protocol.WRITER_VERSION
        && APPEND_SAFE_FEATURES.containsAll(protocol.readerFeatures())
        && APPEND_SAFE_FEATURES.containsAll(protocol.writerFeatures());
  }

  private static boolean withoutVectors(List<AddFile> adds) {
    for (AddFile a : adds) {
      if (a.deletionVector() != null) {
        return false;
      }
    }
    return true;
  }
}

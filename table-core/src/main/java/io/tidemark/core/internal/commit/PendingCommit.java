package io.tidemark.core.internal.commit;

import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a writer wants to commit, independent of the version it lands at.
 *
 * @param operation the operation name recorded in the commit info
 * @param parameters the operation's parameters
 * @param metrics the operation's metrics
 * @param protocol a new protocol, or null
 * @param metadata new metadata, or null
 * @param txn an application transaction, or null
 * @param removes files to remove
 * @param adds files to add
 * @param blindAppend true when the commit only adds files and depends on nothing it read
 * @param reads what a serializable transaction read (files and predicate), checked against
 *     concurrent commits on rebase; null for transactions that depend only on the files they remove
 */
public record PendingCommit(String operation, Map<String, String> parameters, Map<String, Long> metrics,
    Protocol protocol, Metadata metadata, Txn txn, List<RemoveFile> removes, List<AddFile> adds,
    boolean blindAppend, ReadSet reads) {
  /** Isolation level of appends: concurrent appends may interleave. */
  public static final String WRITE_SERIALIZABLE = "WriteSerializable";
  /** Isolation level of table creation. */
  public static final String SERIALIZABLE = "Serializable";

  /** Copies the collections. */
  public PendingCommit {
    parameters = Map.copyOf(parameters);
    metrics = Map.copyOf(metrics);
    removes = List.copyOf(removes);
    adds = List.copyOf(adds);
  }

  /** A pending commit of this operation, with nothing in it yet. */
  public static Builder builder(String operation) {
    return new Builder(operation);
  }

  /** {@link #SERIALIZABLE} when the commit carries what it read, else {@link #WRITE_SERIALIZABLE}. */
  public String isolationLevel() {
    return reads != null ? SERIALIZABLE : WRITE_SERIALIZABLE;
  }

  /**
   * The actions after the commit info, in the order spec.md fixes, for a commit stamped
   * {@code timestamp}: every remove's {@code deletionTimestamp} and the txn's
   * {@code lastUpdated} are that timestamp (spec.md sections 4.4, 4.5), whenever the operation
   * built them.
   */
  List<Action> actions(long timestamp) {
    List<Action> out = new ArrayList<>(adds.size() + removes.size() + 3);
    if (protocol != null) {
      out.add(protocol);
    }
    if (metadata != null) {
      out.add(metadata);
    }
    if (txn != null) {
      Long stamped = txn.lastUpdated();
      out.add(stamped != null && stamped == timestamp ? txn : new Txn(txn.appId(), txn.version(), timestamp));
    }
    for (RemoveFile r : removes) {
      out.add(r.deletionTimestamp() == timestamp ? r
          : new RemoveFile(r.path(), timestamp, r.dataChange(), r.size(), r.recordCount()));
    }
    out.addAll(adds);
    return out;
  }

  /** Builds a pending commit by naming only what it has; everything else is empty or absent. */
  public static final class Builder {
    private final String operation;
    private Map<String, String> parameters = Map.of();
    private Map<String, Long> metrics = Map.of();
    private Protocol protocol;
    private Metadata metadata;
    private Txn txn;
    private List<RemoveFile> removes = List.of();
    private List<AddFile> adds = List.of();
    private boolean blindAppend;
    private ReadSet reads;

    private Builder(String operation) {
      this.operation = operation;
    }

    /** The operation's parameters, recorded in the commit info. */
    public Builder parameters(Map<String, String> parameters) {
      this.parameters = parameters;
      return this;
    }

    /** The operation's metrics, recorded in the commit info. */
    public Builder metrics(Map<String, Long> metrics) {
      this.metrics = metrics;
      return this;
    }

    /** A new protocol. */
    public Builder protocol(Protocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /** New metadata. */
    public Builder metadata(Metadata metadata) {
      this.metadata = metadata;
      return this;
    }

    /** An application transaction, or null. */
    public Builder txn(Txn txn) {
      this.txn = txn;
      return this;
    }

    /** Files to remove. */
    public Builder removes(List<RemoveFile> removes) {
      this.removes = removes;
      return this;
    }

    /** Files to add. */
    public Builder adds(List<AddFile> adds) {
      this.adds = adds;
      return this;
    }

    /** Marks the commit a blind append: it only adds files and depends on nothing it read. */
    public Builder blindAppend() {
      this.blindAppend = true;
      return this;
    }

    /** What a serializable commit read, checked against concurrent commits. */
    public Builder reads(ReadSet reads) {
      this.reads = reads;
      return this;
    }

    /** The pending commit. */
    public PendingCommit build() {
      return new PendingCommit(operation, parameters, metrics, protocol, metadata, txn, removes, adds, blindAppend,
          reads);
    }
  }
}

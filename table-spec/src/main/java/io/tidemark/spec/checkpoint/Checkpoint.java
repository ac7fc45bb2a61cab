package io.tidemark.spec.checkpoint;

import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.Txn;
import java.util.List;
import java.util.Objects;

/**
 * The state of a table at one version, written after that commit so that readers need not replay
 * the log from the start: protocol, metadata, application transactions, and the manifests that
 * list the live data files. A checkpoint is derived data; the commits remain the truth.
 *
 * @param version the version it describes
 * @param timestamp that version's in-commit timestamp, epoch milliseconds
 * @param protocol the protocol at that version
 * @param metadata the metadata at that version
 * @param txns the highest version of each application transaction
 * @param manifests the manifest list
 */
public record Checkpoint(long version, long timestamp, Protocol protocol, Metadata metadata, List<Txn> txns,
    List<ManifestEntry> manifests) {
  /** Copies the lists. */
  public Checkpoint {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(metadata, "metadata");
    txns = List.copyOf(txns);
    manifests = List.copyOf(manifests);
  }

  /** The number of live data files. */
  public long fileCount() {
    return manifests.stream().mapToLong(ManifestEntry::fileCount).sum();
  }

  /** The number of rows in the live data files. */
  public long recordCount() {
    return manifests.stream().mapToLong(ManifestEntry::recordCount).sum();
  }
}

package io.tidemark.core;

import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;

/** The public face of a replayed {@link TableState}. */
final class SnapshotView implements Snapshot {
  private final TableState state;

  SnapshotView(TableState state) {
    this.state = state;
  }

  TableState state() {
    return state;
  }

  @Override
  public long version() {
    return state.version();
  }

  @Override
  public Instant timestamp() {
    return state.timestamp();
  }

  @Override
  public Metadata metadata() {
    return state.metadata();
  }

  @Override
  public Protocol protocol() {
    return state.protocol();
  }

  @Override
  public Collection<AddFile> dataFiles() {
    return state.dataFiles();
  }

  @Override
  public long recordCount() {
    return state.recordCount();
  }

  @Override
  public OptionalLong applicationVersion(String appId) {
    return state.applicationVersion(appId);
  }

  @Override
  public String toString() {
    return state.toString();
  }
}

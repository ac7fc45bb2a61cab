package io.tidemark.core;

import io.tidemark.core.internal.snapshot.PublicMetadata;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import java.time.Instant;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
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
  public TableMetadata metadata() {
    return PublicMetadata.of(state.metadata());
  }

  @Override
  public TableProtocol protocol() {
    var p = state.protocol();
    return new TableProtocol(p.minReaderVersion(), p.minWriterVersion(), p.readerFeatures(), p.writerFeatures());
  }

  @Override
  public Collection<DataFile> dataFiles() {
    // described as they are iterated: a table may have many files and callers often want the count
    Collection<AddFile> files = state.dataFiles();
    return new AbstractCollection<>() {
      @Override
      public Iterator<DataFile> iterator() {
        Iterator<AddFile> it = files.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public DataFile next() {
            return DataFile.of(it.next(), state.metadata());
          }
        };
      }

      @Override
      public int size() {
        return files.size();
      }
    };
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
  public OptionalLong checkpointVersion() {
    return state.base() == null ? OptionalLong.empty() : OptionalLong.of(state.base().version());
  }

  @Override
  public Optional<Instant> checkpointTimestamp() {
    return Optional.ofNullable(state.base()).map(c -> Instant.ofEpochMilli(c.timestamp()));
  }

  @Override
  public String toString() {
    return state.toString();
  }
}

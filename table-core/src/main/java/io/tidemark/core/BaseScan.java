package io.tidemark.core;

import io.tidemark.core.data.CloseableIterable;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.parquet.DataFileReader;
import io.tidemark.core.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** An immutable scan description; resolves its snapshot lazily and reads files one after another. */
final class BaseScan implements Scan {
  private final BaseTable table;
  private final List<String> columns;
  private final Long version;
  private final Instant timestamp;
  private TableState resolved;

  BaseScan(BaseTable table, List<String> columns, Long version, Instant timestamp) {
    this.table = table;
    this.columns = columns;
    this.version = version;
    this.timestamp = timestamp;
  }

  @Override
  public Scan select(String... names) {
    return select(List.of(names));
  }

  @Override
  public Scan select(List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidArgumentException("select at least one column");
    }
    return new BaseScan(table, List.copyOf(names), version, timestamp);
  }

  @Override
  public Scan asOfVersion(long v) {
    return new BaseScan(table, columns, v, null);
  }

  @Override
  public Scan asOfTimestamp(Instant t) {
    return new BaseScan(table, columns, null, t);
  }

  private synchronized TableState state() {
    if (resolved == null) {
      if (version != null) {
        resolved = table.stateAt(version);
      } else if (timestamp != null) {
        resolved = table.stateAsOf(timestamp);
      } else {
        resolved = table.latestState();
      }
    }
    return resolved;
  }

  @Override
  public Snapshot snapshot() {
    return new SnapshotView(state());
  }

  @Override
  public Schema schema() {
    Schema full = state().metadata().schema();
    return columns == null ? full : full.select(columns);
  }

  @Override
  public CloseableIterable<Record> records() {
    Schema projection = schema();
    List<AddFile> files = new ArrayList<>(state().dataFiles());
    return new FileRecords(table, files, projection);
  }

  /** Iterates the records of a list of files, opening one file at a time. */
  private static final class FileRecords implements CloseableIterable<Record> {
    private final BaseTable table;
    private final List<AddFile> files;
    private final Schema projection;
    private final List<CloseableIterator<Record>> open = new ArrayList<>();

    FileRecords(BaseTable table, List<AddFile> files, Schema projection) {
      this.table = table;
      this.files = files;
      this.projection = projection;
    }

    @Override
    public synchronized CloseableIterator<Record> iterator() {
      CloseableIterator<Record> it = new Chain();
      open.add(it);
      return it;
    }

    @Override
    public synchronized void close() {
      for (CloseableIterator<Record> it : open) {
        it.close();
      }
      open.clear();
    }

    private final class Chain implements CloseableIterator<Record> {
      private final Iterator<AddFile> remaining = files.iterator();
      private CloseableIterator<Record> current;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (current != null) {
            current.close();
            current = null;
          }
          if (!remaining.hasNext()) {
            return false;
          }
          AddFile file = remaining.next();
          current = DataFileReader.open(table.io().newInputFile(table.location() + "/" + file.path()), projection);
        }
        return true;
      }

      @Override
      public Record next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
          current = null;
        }
      }
    }
  }
}

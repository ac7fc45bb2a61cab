package io.tidemark.core.internal.ops;

import io.tidemark.core.Compaction;
import io.tidemark.core.CompactionResult;
import io.tidemark.core.ProgressListener;
import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.parquet.DataFileWriter;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.core.internal.plan.Planner;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Bin-packs small files partition by partition and commits {@code OPTIMIZE} with dataChange false. */
final class BaseCompaction implements Compaction {
  /** A file under this fraction of the target is small. */
  static final double SMALL_FRACTION = 0.75;

  private final TableContext table;
  private final TableState read;
  private long target;
  private Expression filter;
  private List<String> sortBy = List.of();
  private int minInputFiles = 2;
  private double deletedFraction = 0;
  private ProgressListener listener = p -> { };
  private final List<DataFileWriter> writers = new ArrayList<>();
  private boolean started;

  BaseCompaction(TableContext table) {
    this.table = table;
    this.read = table.latestState();
    ProtocolSupport.checkWritable(read.protocol(), table.location());
    this.target = WriterOptions.fromProperties(read.metadata().properties()).targetFileSizeBytes();
  }

  @Override
  public Compaction targetFileSizeBytes(long bytes) {
    if (bytes <= 0) {
      throw new InvalidArgumentException("target file size must be positive, was " + bytes);
    }
    this.target = bytes;
    return this;
  }

  @Override
  public Compaction where(Expression filter) {
    this.filter = Objects.requireNonNull(filter, "filter");
    return this;
  }

  @Override
  public Compaction where(String filter) {
    return where(Expressions.parse(filter));
  }

  @Override
  public Compaction sortBy(String... columns) {
    return sortBy(List.of(columns));
  }

  @Override
  public Compaction sortBy(List<String> columns) {
    RowOrder.of(read.metadata().schema(), columns); // checks the names now
    this.sortBy = List.copyOf(columns);
    return this;
  }

  @Override
  public Compaction minInputFiles(int files) {
    if (files < 2) {
      throw new InvalidArgumentException("a compaction group needs at least 2 files, was " + files);
    }
    this.minInputFiles = files;
    return this;
  }

  @Override
  public Compaction deletedFractionAbove(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new InvalidArgumentException("a deleted fraction is from 0 to 1, was " + fraction);
    }
    this.deletedFraction = fraction;
    return this;
  }

  @Override
  public Compaction progress(ProgressListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  @Override
  public CompactionResult commit() {
    if (started) {
      throw new InvalidArgumentException("this compaction has run already; make a new one");
    }
    started = true;
    List<List<AddFile>> groups = new ArrayList<>();
    Map<PartitionKey, List<AddFile>> partitions = smallFilesByPartition();
    int partitionCount = 0;
    for (List<AddFile> files : partitions.values()) {
      List<AddFile> small = files.stream().filter(f -> f.size() < target * SMALL_FRACTION).toList();
      List<List<AddFile>> packed = new ArrayList<>(BinPacker.pack(small, target, minInputFiles));
      Set<String> packedPaths = new HashSet<>();
      packed.forEach(g -> g.forEach(f -> packedPaths.add(f.path())));
      for (AddFile f : files) {
        if (!packedPaths.contains(f.path()) && tooManyDeleted(f)) {
          packed.add(List.of(f)); // rewritten alone: the new file has no deleted rows
        }
      }
      partitionCount += packed.isEmpty() ? 0 : 1;
      groups.addAll(packed);
    }
    if (groups.isEmpty()) {
      return new CompactionResult(-1, 0, 0, 0, 0, 0);
    }
    long filesTotal = groups.stream().mapToLong(List::size).sum();
    long bytesTotal = groups.stream().flatMap(List::stream).mapToLong(AddFile::size).sum();
    List<RemoveFile> removes = new ArrayList<>();
    List<AddFile> adds = new ArrayList<>();
    long[] done = new long[2];
    listener.progress(new ProgressListener.Progress(0, filesTotal, 0, bytesTotal));
    try {
      for (List<AddFile> group : groups) {
        adds.addAll(rewrite(group, f -> {
          done[0]++;
          done[1] += f.size();
          listener.progress(new ProgressListener.Progress(done[0], filesTotal, done[1], bytesTotal));
        }));
        group.forEach(f -> removes.add(DataFiles.remove(f, false)));
      }
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
    long addedBytes = adds.stream().mapToLong(AddFile::size).sum();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("targetFileSize", Long.toString(target));
    if (filter != null) {
      parameters.put("predicate", filter.toString());
    }
    if (!sortBy.isEmpty()) {
      parameters.put("sortBy", String.join(",", sortBy));
    }
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("numRemovedFiles", (long) removes.size());
    metrics.put("numRemovedBytes", bytesTotal);
    metrics.put("numAddedFiles", (long) adds.size());
    metrics.put("numAddedBytes", addedBytes);
    metrics.put("numPartitions", (long) partitionCount);
    PendingCommit pending = PendingCommit.builder(OPERATION).parameters(parameters).metrics(metrics).removes(removes)
        .adds(adds).build();
    CommitOutcome outcome = Commits.commit(table, read, pending, List.of(), this::abort);
    return new CompactionResult(outcome.version(), removes.size(), bytesTotal, adds.size(), addedBytes,
        partitionCount);
  }

  private boolean tooManyDeleted(AddFile f) {
    return f.deletionVector() != null && (double) f.deletedRecordCount() / f.recordCount() > deletedFraction;
  }

  /** The small files, and those with too many deleted rows, that may match the filter, by partition. */
  private Map<PartitionKey, List<AddFile>> smallFilesByPartition() {
    Collection<AddFile> candidates = filter == null ? read.dataFiles() : new Planner(read, filter).plan().files();
    Metadata metadata = read.metadata();
    Map<PartitionKey, List<AddFile>> out = new LinkedHashMap<>();
    for (AddFile f : candidates) {
      if (f.size() < target * SMALL_FRACTION || tooManyDeleted(f)) {
        out.computeIfAbsent(PartitionKey.of(f, metadata), k -> new ArrayList<>()).add(f);
      }
    }
    return out;
  }

  private interface FileDone {
    void done(AddFile file);
  }

  /** Writes the rows of a group of files of one partition into new files near the target size. */
  private List<AddFile> rewrite(List<AddFile> group, FileDone progress) {
    Schema schema = read.metadata().schema();
    AddFile first = group.get(0);
    WriterOptions options = new WriterOptions(target,
        WriterOptions.fromProperties(read.metadata().properties()).compression());
    DataFileWriter writer = new DataFileWriter(table.io(), table.location(), DataFiles.directory(first.path()),
        schema, options, first.specId(), first.partitionValues());
    writers.add(writer);
    Comparator<Record> order = sortBy.isEmpty() ? null : RowOrder.of(schema, sortBy);
    List<Record> buffered = order == null ? null : new ArrayList<>();
    for (AddFile f : group) {
      try (CloseableIterator<Record> rows = DataFiles.read(table, f, schema, read.version())) {
        while (rows.hasNext()) {
          if (buffered != null) {
            buffered.add(rows.next());
          } else {
            writer.write(rows.next());
          }
        }
      }
      progress.done(f);
    }
    if (buffered != null) {
      buffered.sort(order);
      buffered.forEach(writer::write);
    }
    List<AddFile> out = new ArrayList<>();
    for (AddFile written : writer.finish()) {
      out.add(DataFiles.withDataChange(written, false));
    }
    return out;
  }

  private void abort() {
    writers.forEach(DataFileWriter::abort);
  }
}

package io.tidemark.core.internal.checkpoint;

import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Comparators;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a checkpoint incrementally: manifests of the previous checkpoint that lost no file are
 * reused as they are; the files of the others and the files added since are clustered by
 * (spec id, partition values) into new manifests of bounded size.
 */
public final class CheckpointWriter {
  /** More small manifests than this and they are merged. */
  static final int SMALL_MANIFESTS_LIMIT = 8;

  private final FileIO io;
  private final String tableLocation;
  private final ManifestCache manifests;
  private final CheckpointStore store;

  /** A writer for one table. */
  public CheckpointWriter(FileIO io, String tableLocation, ManifestCache manifests, CheckpointStore store) {
    this.io = io;
    this.tableLocation = tableLocation;
    this.manifests = manifests;
    this.store = store;
  }

  /**
   * Writes the checkpoint of a version. Manifests hold whole partitions (spec 10.4): a partition
   * of {@link #ownManifestFiles} files or more gets manifests of its own (several of about equal
   * size when it has more than the most a manifest lists), smaller ones share manifests in
   * partition order; so a plan of one partition reads that partition's files and few others.
   *
   * @param previous the checkpoint the state was replayed from, or null
   * @param removedSincePrevious paths removed since {@code previous} that may be in its manifests
   * @param addedSincePrevious files added since {@code previous} and still live
   */
  public Checkpoint write(long version, long timestamp, Protocol protocol, Metadata metadata, List<Txn> txns,
      Checkpoint previous, Set<String> removedSincePrevious, Collection<AddFile> addedSincePrevious)
      throws IOException {
    int maxFiles = CheckpointSettings.fromProperties(metadata.properties()).manifestMaxFiles();
    List<ManifestEntry> kept = new ArrayList<>();
    List<AddFile> loose = new ArrayList<>();
    if (previous != null) {
      List<ManifestEntry> small = new ArrayList<>();
      for (ManifestEntry m : previous.manifests()) {
        List<AddFile> files = removedSincePrevious.isEmpty() ? null : manifests.files(m);
        boolean touched = files != null && files.stream().anyMatch(f -> removedSincePrevious.contains(f.path()));
        if (touched) {
          files.stream().filter(f -> !removedSincePrevious.contains(f.path())).forEach(loose::add);
        } else if (m.fileCount() < maxFiles / 4) {
          small.add(m);
        } else {
          kept.add(m);
        }
      }
      if (small.size() > SMALL_MANIFESTS_LIMIT) {
        for (ManifestEntry m : small) {
          loose.addAll(manifests.files(m));
        }
      } else {
        kept.addAll(small);
      }
    }
    if (!kept.isEmpty()) {
      checkStillThere(previous, kept);
    }
    loose.addAll(addedSincePrevious);
    List<ManifestEntry> all = new ArrayList<>(kept);
    all.addAll(pack(metadata, loose, maxFiles));
    Checkpoint checkpoint = new Checkpoint(version, timestamp, protocol, metadata, txns, all);
    store.write(checkpoint);
    return checkpoint;
  }

  /**
   * A process that replayed from an old checkpoint may outlive it: once newer checkpoints replace
   * it, vacuum with log retention deletes the manifests only it listed. Reusing them would publish
   * a checkpoint no reader can load, so the writer lists the manifests (one listing per
   * checkpoint) and refuses; a manifest whose size is not the one its entry records is damaged
   * and refused the same way.
   */
  private void checkStillThere(Checkpoint previous, List<ManifestEntry> kept) throws IOException {
    String prefix = TableLocations.manifestPrefix(tableLocation);
    Map<String, Long> present = new HashMap<>();
    for (FileEntry e : io.list(prefix, null)) {
      present.put(e.location().substring(tableLocation.length() + 1), e.size());
    }
    List<String> missing = kept.stream().filter(m -> !Long.valueOf(m.size()).equals(present.get(m.path())))
        .map(ManifestEntry::path).toList();
    if (!missing.isEmpty()) {
      throw new StaleCheckpointBaseException(previous.version(), missing, kept.size());
    }
  }

  private List<ManifestEntry> pack(Metadata metadata, List<AddFile> files, int maxFiles) {
    Map<Integer, List<AddFile>> bySpec = new TreeMap<>();
    for (AddFile f : files) {
      bySpec.computeIfAbsent(f.specId(), k -> new ArrayList<>()).add(f);
    }
    Schema schema = metadata.schema();
    List<ManifestEntry> out = new ArrayList<>();
    for (Map.Entry<Integer, List<AddFile>> e : bySpec.entrySet()) {
      PartitionSpec spec = metadata.spec(e.getKey());
      List<AddFile> specFiles = e.getValue();
      if (!spec.isUnpartitioned()) {
        specFiles.sort(partitionOrder(schema, spec));
      }
      List<AddFile> chunk = new ArrayList<>();
      int from = 0;
      while (from < specFiles.size()) {
        int to = from + 1;
        Map<String, Object> partition = specFiles.get(from).partitionValues();
        while (to < specFiles.size() && specFiles.get(to).partitionValues().equals(partition)) {
          to++;
        }
        List<AddFile> run = specFiles.subList(from, to);
        if (run.size() >= ownManifestFiles(maxFiles)) {
          flush(chunk, schema, spec, out);
          int pieces = (run.size() + maxFiles - 1) / maxFiles;
          for (int p = 0; p < pieces; p++) {
            out.add(ManifestFiles.write(io, tableLocation, schema, spec,
                run.subList(run.size() * p / pieces, run.size() * (p + 1) / pieces)));
          }
        } else {
          if (chunk.size() + run.size() > maxFiles) {
            flush(chunk, schema, spec, out);
          }
          chunk.addAll(run);
        }
        from = to;
      }
      flush(chunk, schema, spec, out);
    }
    return out;
  }

  /**
   * The files a partition needs to get manifests of its own: a quarter of the most a manifest
   * lists. Smaller partitions share manifests, whole, so that a table of many small partitions
   * does not get as many manifests.
   */
  static int ownManifestFiles(int maxFiles) {
    return Math.max(1, maxFiles / 4);
  }

  private void flush(List<AddFile> chunk, Schema schema, PartitionSpec spec, List<ManifestEntry> out) {
    if (!chunk.isEmpty()) {
      out.add(ManifestFiles.write(io, tableLocation, schema, spec, List.copyOf(chunk)));
      chunk.clear();
    }
  }

  /** Orders files by their partition values, field by field, nulls first. */
  private static Comparator<AddFile> partitionOrder(Schema schema, PartitionSpec spec) {
    StructType type = spec.partitionType(schema);
    Comparator<AddFile> order = (a, b) -> 0;
    for (NestedField field : type.fields()) {
      Comparator<Object> values = Comparators.forType(field.type());
      Map<Object, Object> parsed = new LinkedHashMap<>();
      Comparator<AddFile> byField = Comparator.comparing(
          (AddFile f) -> parsed.computeIfAbsent(f.partitionValues().get(field.name()),
              json -> JsonValues.fromJson(field.type(), json)),
          Comparator.nullsFirst(values));
      order = order.thenComparing(byField);
    }
    return order;
  }
}

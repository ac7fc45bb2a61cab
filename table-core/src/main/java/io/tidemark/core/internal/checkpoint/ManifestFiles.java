package io.tidemark.core.internal.checkpoint;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.parquet.DataFileReader;
import io.tidemark.core.internal.parquet.DataFileWriter;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.checkpoint.ManifestEntry;
import io.tidemark.spec.error.MissingDataFileException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.json.CheckpointCodec;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Manifest files: Parquet files under {@code _manifests/}, one row per live data file. A row
 * holds the file's path, spec id, row count and size as columns, and its complete add action as
 * JSON (so every field of the add survives, including ones later versions add).
 */
public final class ManifestFiles {
  /** The directory of manifests under the table root. */
  public static final String DIRECTORY = TableLocations.MANIFEST_DIR;
  /** The schema of manifest files. */
  public static final Schema SCHEMA = SchemaDdl.parse(
      "path string not null, spec_id int not null, record_count long not null, size long not null,"
          + " add string not null");
  private static final Schema ADD_ONLY = SCHEMA.select(List.of("add"));

  private ManifestFiles() {}

  /**
   * Writes one manifest listing these files, all of one partition spec, and describes it.
   *
   * @param tableSchema the table's current schema, to merge column bounds
   * @param spec the files' partition spec, to key partition bounds by partition field id
   */
  public static ManifestEntry write(FileIO io, String tableLocation, Schema tableSchema, PartitionSpec spec,
      List<AddFile> files) {
    AddFile written;
    try (DataFileWriter writer = new DataFileWriter(io, tableLocation, DIRECTORY, SCHEMA,
        new WriterOptions(Long.MAX_VALUE, "zstd"), 0, Map.of())) {
      for (AddFile f : files) {
        writer.write(Record.of(SCHEMA, f.path(), f.specId(), f.recordCount(), f.size(),
            CheckpointCodec.addToJson(f)));
      }
      written = writer.finish().get(0);
    }
    long records = files.stream().mapToLong(AddFile::recordCount).sum();
    Map<Integer, ColumnStats> columnBounds = Bounds.columns(tableSchema, files);
    Map<Integer, ColumnStats> partitionBounds = Bounds.partitions(tableSchema, spec, files);
    return new ManifestEntry(written.path(), written.size(), spec.specId(), files.size(), records,
        partitionBounds, columnBounds);
  }

  /**
   * Reads the data files a manifest lists, checked against the checkpoint's entry for it: its
   * size, file count and record count must match (spec 10.4).
   *
   * @throws UnreadableManifestException when it is missing, cannot be read or does not match
   */
  public static List<AddFile> read(FileIO io, String tableLocation, ManifestEntry manifest) {
    String path = manifest.path();
    List<AddFile> files = new ArrayList<>((int) Math.min(manifest.fileCount(), 1 << 20));
    long records = 0;
    try {
      InputFile in = io.newInputFile(TableLocations.locationOf(tableLocation, path));
      // the reader asks for the length anyway (to find the footer): checking it costs nothing
      long length = in.getLength();
      if (length != manifest.size()) {
        throw new UnreadableManifestException(path, "manifest has " + length + " bytes where its checkpoint says "
            + manifest.size(), null);
      }
      long row = 0;
      try (CloseableIterator<Record> rows = DataFileReader.open(in, ADD_ONLY)) {
        while (rows.hasNext()) {
          AddFile add = CheckpointCodec.addFromJson(path, ++row, (String) rows.next().get(0));
          records += add.recordCount();
          files.add(add);
        }
      }
    } catch (UnreadableManifestException e) {
      throw e;
    } catch (IOException | TidemarkException e) {
      if (MissingDataFileException.isNotFound(e)) {
        throw new UnreadableManifestException(path, "manifest is missing", e);
      }
      TidemarkException cause = e instanceof TidemarkException t ? t
          : new StorageException("cannot read manifest " + TableLocations.locationOf(tableLocation, path) + ": " + e.getMessage(), e);
      throw new UnreadableManifestException(path, "manifest cannot be read (" + e.getMessage() + ")", cause,
          isStorageFailure(e));
    }
    if (files.size() != manifest.fileCount() || records != manifest.recordCount()) {
      throw new UnreadableManifestException(path, "manifest lists " + files.size() + " files of " + records
          + " records where its checkpoint says " + manifest.fileCount() + " of " + manifest.recordCount(), null);
    }
    return files;
  }

  /**
   * Whether a read failed because storage did (an I/O error other than a missing file) rather
   * than because of what the manifest holds: such a failure may pass.
   */
  private static boolean isStorageFailure(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}

package io.tidemark.core.internal.write;

import io.tidemark.core.data.Record;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.parquet.DataFileWriter;
import io.tidemark.core.internal.parquet.WriterOptions;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.OutputFile;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionPaths;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.PartitionValues;
import io.tidemark.spec.partition.Transform;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows to data files, one set of files per partition: derives each row's partition
 * values from its source columns through the spec's transforms, so callers never name a
 * partition value. Not thread-safe.
 */
public final class PartitionedWriter implements Closeable {
  private final FileIO io;
  private final String tableLocation;
  private final Schema schema;
  private final PartitionSpec spec;
  private final WriterOptions options;
  private final FieldAccessor[] sources;
  private final Type[] sourceTypes;
  private final Transform[] transforms;
  private final Map<List<Object>, DataFileWriter> writers = new LinkedHashMap<>();
  private DataFileWriter unpartitioned;
  private boolean forceLater;

  /** A writer of rows of this schema into files of this spec. */
  public PartitionedWriter(FileIO io, String tableLocation, Schema schema, PartitionSpec spec, WriterOptions options) {
    this.io = io;
    this.tableLocation = tableLocation;
    this.schema = schema;
    this.spec = spec;
    this.options = options;
    int n = spec.fields().size();
    this.sources = new FieldAccessor[n];
    this.sourceTypes = new Type[n];
    this.transforms = new Transform[n];
    for (int i = 0; i < n; i++) {
      PartitionField field = spec.fields().get(i);
      sources[i] = FieldAccessor.forId(schema.asStruct(), field.sourceId());
      sourceTypes[i] = schema.findField(field.sourceId()).type();
      transforms[i] = field.transform();
    }
  }

  /**
   * A writer of rows of the metadata's schema into files of its default spec, with the writer
   * options its properties set: how every operation that writes rows into a table starts.
   */
  public static PartitionedWriter forTable(FileIO io, String tableLocation, Metadata metadata) {
    return new PartitionedWriter(io, tableLocation, metadata.schema(), metadata.defaultSpec(),
        WriterOptions.fromProperties(metadata.properties()));
  }

  /** Writes one row (of the schema; the caller checked) to its partition's file. */
  public void write(Record record) {
    if (spec.isUnpartitioned()) {
      if (unpartitioned == null) {
        unpartitioned = configure(
            new DataFileWriter(io, tableLocation, TableLocations.DATA_DIR, schema, options, spec.specId(), Map.of()));
      }
      unpartitioned.write(record);
      return;
    }
    Object[] values = new Object[transforms.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = transforms[i].apply(sourceTypes[i], sources[i].get(record));
    }
    List<Object> key = Arrays.asList(values);
    DataFileWriter writer = writers.get(key);
    if (writer == null) {
      Map<String, Object> json = PartitionValues.toJson(spec, schema, values);
      writer = configure(new DataFileWriter(io, tableLocation, TableLocations.dataDirectory(PartitionPaths.path(spec, schema, values)),
          schema, options, spec.specId(), json));
      writers.put(key, writer);
    }
    writer.write(record);
  }

  /**
   * Leaves forcing the files to disk to the caller, who forces {@link #unforcedFiles()} before
   * committing them (see {@link DataFileWriter#forceLater()}). Call before the first write.
   */
  public PartitionedWriter forceLater() {
    this.forceLater = true;
    return this;
  }

  private DataFileWriter configure(DataFileWriter writer) {
    return forceLater ? writer.forceLater() : writer;
  }

  /** The files written since {@link #forceLater()}, all partitions together. */
  public List<OutputFile> unforcedFiles() {
    List<OutputFile> out = new ArrayList<>();
    if (unpartitioned != null) {
      out.addAll(unpartitioned.unforcedFiles());
    }
    for (DataFileWriter w : writers.values()) {
      out.addAll(w.unforcedFiles());
    }
    return out;
  }

  /** Closes every open file and describes all files written. */
  public List<AddFile> finish() {
    List<AddFile> out = new ArrayList<>();
    if (unpartitioned != null) {
      out.addAll(unpartitioned.finish());
    }
    for (DataFileWriter w : writers.values()) {
      out.addAll(w.finish());
    }
    return out;
  }

  /** Deletes every file written, finished or not (the commit surely failed). */
  public void abort() {
    if (unpartitioned != null) {
      unpartitioned.abort();
    }
    for (DataFileWriter w : writers.values()) {
      w.abort();
    }
  }

  /** Deletes the files unless {@link #finish()} was called. */
  @Override
  public void close() {
    if (unpartitioned != null) {
      unpartitioned.close();
    }
    for (DataFileWriter w : writers.values()) {
      w.close();
    }
  }
}

package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Record;
import io.tidemark.core.data.ReusableRecord;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.TablePaths;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.types.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records of one schema into Parquet data files under {@code <tableLocation>/data/<uuid>.parquet}
 * (or another directory of the table, for a partition), rolling to a new file once the current
 * one reaches the target size (the size is checked every few hundred records, so a file can end
 * up a little larger). Gives each file's column statistics, from the Parquet footer (see
 * {@link FooterStats}). A writer that finishes before its 256th record writes its one file
 * without dictionary encoding. Files of a schema without lists and maps are written
 * straight into Parquet's column writers ({@link ColumnarFileWriter}), others through
 * parquet-hadoop's {@link ParquetWriter}. Not thread-safe.
 *
 * <p>Use it in try-with-resources: {@link #close()} deletes the files unless {@link #finish()}
 * was called. After a failed {@link #write}, the writer can only be aborted.
 */
public final class DataFileWriter implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DataFileWriter.class);

  /** Largest Parquet row group. */
  static final long MAX_ROW_GROUP_SIZE = 128L << 20;
  /** Records before the first size check of a file. */
  static final int FIRST_SIZE_CHECK = 100;
  /** Fewest records between size checks (near the target). */
  static final int MIN_SIZE_CHECK_INTERVAL = 10;
  /** Most records between size checks. */
  static final int MAX_SIZE_CHECK_INTERVAL = 500;
  /**
   * A writer's first file is written without dictionary encoding when all its records arrive
   * before this many: for so few values a dictionary saves next to nothing, and its fixed cost per
   * column (hash maps, 16 KB slabs, the fallback check, a dictionary page) was a quarter of the CPU
   * of writing a 100-row file. The writer holds the records until it knows.
   */
  static final int SMALL_FILE_ROWS = 256;

  private final FileIO io;
  private final String tableLocation;
  private final String directory;
  private final int specId;
  private final Map<String, Object> partitionValues;
  private final Schema schema;
  private final WriterOptions options;
  private final ValueWriters.Root root;
  private final MessageType parquetSchema;
  /** Whether files are written straight into column writers ({@link ColumnarFileWriter}). */
  private final boolean columnar;
  private final RecordWriteSupport writeSupport;
  private final String unwritableReason;
  private final List<AddFile> written = new ArrayList<>();
  private final List<String> locations = new ArrayList<>();
  /** Set by tests only; a file is then written through parquet-hadoop's own writer. */
  private Consumer<ParquetWriter.Builder<Record, ?>> parquetSettings;
  private final List<io.tidemark.core.io.OutputFile> unforced = new ArrayList<>();
  private boolean forceLater;
  /** Whether the directory was checked to resolve inside the table; once per writer, not per file. */
  private boolean directoryChecked;

  /** Records held before the first file is opened (see {@link #SMALL_FILE_ROWS}). */
  private final List<Record> held = new ArrayList<>();
  private boolean holding = true;
  private RecordFileWriter current;
  private SizeTrackingOutputFile currentOutput;
  private String currentPath;
  private String currentLocation;
  private long currentRecords;
  private long nextSizeCheck;

  private boolean finished;
  private boolean aborted;
  private boolean failed;

  /**
   * A writer of data files for the table at {@code tableLocation}; no file is created until the
   * first record.
   *
   * @throws InvalidArgumentException when an argument is missing
   */
  public DataFileWriter(FileIO io, String tableLocation, Schema schema, WriterOptions options) {
    this(io, tableLocation, "data", schema, options, 0, Map.of());
  }

  /**
   * A writer of files under {@code <tableLocation>/<directory>/} whose add actions carry this
   * partition spec id and these partition values (in their JSON single-value form).
   *
   * @param directory a path relative to the table, e.g. {@code data/ts_day=2024-01-02}
   */
  public DataFileWriter(FileIO io, String tableLocation, String directory, Schema schema, WriterOptions options,
      int specId, Map<String, Object> partitionValues) {
    if (io == null || tableLocation == null || tableLocation.isEmpty() || schema == null || options == null) {
      throw new InvalidArgumentException("data file writer needs a file IO, a table location, a schema and options");
    }
    this.io = io;
    this.tableLocation = io.tableRoot(tableLocation);
    this.schema = schema;
    this.options = options;
    TablePaths.checkRelative(directory);
    this.directory = directory;
    this.specId = specId;
    // copied in order; partition values may be null
    this.partitionValues = Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(partitionValues, "partitionValues")));
    this.unwritableReason = ParquetSchemas.unwritableReason(schema);
    this.parquetSchema = ParquetSchemas.convert(schema);
    this.columnar = ColumnarFileWriter.supports(parquetSchema);
    this.root = ValueWriters.root(schema.asStruct());
    this.writeSupport = new RecordWriteSupport(parquetSchema, root);
  }

  /**
   * Writes one record. Its struct must be the schema's (the caller checks). A {@link
   * ReusableRecord} can be changed for the next row as soon as this returns: a record this writer
   * keeps for later is copied.
   *
   * @throws StorageException naming the file when writing fails
   * @throws InvalidArgumentException when Parquet cannot store the schema (no column, or an empty
   *     struct), or a value is out of the range a data file holds
   * @throws IllegalStateException after {@link #finish()}, {@link #abort()} or a failure
   */
  public void write(Record record) {
    Objects.requireNonNull(record, "record");
    checkWritable();
    if (record instanceof ReusableRecord r) {
      r.checkComplete();
    }
    if (current == null) {
      writeWithoutOpenFile(record);
      return;
    }
    writeToCurrent(record);
  }

  /** A record while holding, or the first record of the next file. */
  private void writeWithoutOpenFile(Record record) {
    if (unwritableReason != null) {
      throw new InvalidArgumentException("cannot write records of schema " + schema + ": " + unwritableReason);
    }
    if (holding) {
      hold(record);
      if (held.size() >= SMALL_FILE_ROWS) {
        writeHeld(true);
      }
      return;
    }
    append(record, true);
  }

  /**
   * Keeps a record for later, after converting its values as writing them would (and with the
   * same errors), so that a value a data file cannot hold is still refused by its own write.
   */
  private void hold(Record record) {
    try {
      root.write(DiscardingConsumer.INSTANCE, record);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
    // a reusable record is overwritten by the caller's next row; keep this row's values
    held.add(record.toImmutable());
  }

  /** Writes the held records into a file with or without dictionary encoding; ends holding. */
  private void writeHeld(boolean dictionary) {
    holding = false;
    root.resetStats(); // the conversions of hold() counted them
    for (Record r : held) {
      append(r, dictionary);
    }
    held.clear();
  }

  private void append(Record record, boolean dictionary) {
    if (current == null) {
      openFile(dictionary);
    }
    writeToCurrent(record);
  }

  private void writeToCurrent(Record record) {
    try {
      current.write(record);
    } catch (IOException e) {
      failed = true;
      throw StorageErrors.failed("cannot write data file", currentLocation, e);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
    currentRecords++;
    if (currentRecords >= nextSizeCheck) {
      checkSize();
    }
  }

  private void checkSize() {
    long size = current.dataSize();
    long target = options.targetFileSizeBytes();
    if (size >= target) {
      closeFile();
      return;
    }
    long bytesPerRecord = Math.max(1, size / currentRecords);
    long recordsLeft = (target - size) / bytesPerRecord;
    long interval = Math.max(MIN_SIZE_CHECK_INTERVAL, Math.min(MAX_SIZE_CHECK_INTERVAL, recordsLeft / 2));
    nextSizeCheck = currentRecords + interval;
  }

  /**
   * Closes the open file and describes every file written, in order. A writer that wrote no
   * record returns an empty list and leaves no file.
   *
   * @throws StorageException naming the file when closing it fails (abort the writer then)
   * @throws IllegalStateException when called twice, after {@link #abort()} or after a failure
   */
  public List<AddFile> finish() {
    checkWritable();
    if (!held.isEmpty()) {
      writeHeld(false);
    }
    if (current != null) {
      closeFile();
    }
    finished = true;
    return Collections.unmodifiableList(new ArrayList<>(written));
  }

  /** Closes and deletes every file this writer created; failures are logged, not thrown. */
  public void abort() {
    if (aborted) {
      return;
    }
    aborted = true;
    held.clear();
    if (current != null) {
      RecordFileWriter w = current;
      current = null;
      try {
        w.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not close data file {} while aborting", currentLocation, e);
      }
      currentOutput.closeQuietly();
    }
    try {
      FileIOs.deleteFiles(io, locations).forEach((location, reason) ->
          LOG.warn("could not delete data file {} while aborting: {}", location, reason));
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete the {} data files written while aborting", locations.size(), e);
    }
  }

  /** The full locations of the files created so far, in order. */
  public List<String> writtenLocations() {
    return Collections.unmodifiableList(new ArrayList<>(locations));
  }

  /** Aborts unless {@link #finish()} was called. */
  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }

  private void checkWritable() {
    if (aborted) {
      throw new IllegalStateException("data file writer was aborted");
    }
    if (finished) {
      throw new IllegalStateException("data file writer was finished");
    }
    if (failed) {
      throw new IllegalStateException("data file writer failed; abort it");
    }
  }

  /**
   * Leaves forcing the files to disk to the caller: files this writer creates from now on are
   * not forced when closed, and {@link #unforcedFiles()} lists them. A committer forces them all
   * at once, beside writing its commit file, instead of one after another.
   */
  public DataFileWriter forceLater() {
    this.forceLater = true;
    return this;
  }

  /**
   * The files created since {@link #forceLater()}, which must be forced ({@link
   * io.tidemark.core.internal.io.Forcing}) before a commit names them.
   */
  public List<io.tidemark.core.io.OutputFile> unforcedFiles() {
    return Collections.unmodifiableList(new ArrayList<>(unforced));
  }

  /**
   * For tests: adjusts the Parquet writer of every file opened from now on, after Tidemark's own
   * settings (a row-group row limit gives a small file several row groups, for instance). Files
   * are then written through parquet-hadoop's {@link ParquetWriter}, whatever the schema.
   */
  DataFileWriter parquetSettings(Consumer<ParquetWriter.Builder<Record, ?>> settings) {
    this.parquetSettings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  private void openFile(boolean dictionary) {
    if (!directoryChecked) {
      checkDirectoryInside();
    }
    currentPath = TableLocations.newParquetFile(directory);
    currentLocation = TableLocations.locationOf(tableLocation, currentPath);
    io.tidemark.core.io.OutputFile file = io.newOutputFile(currentLocation);
    currentOutput = new SizeTrackingOutputFile(file, forceLater);
    locations.add(currentLocation);
    if (forceLater) {
      unforced.add(file);
    }
    try {
      current = parquetSettings == null && columnar
          ? new ColumnarFileWriter(currentOutput, parquetSchema, writeSupport, root, new Codecs(), options.codec(),
              rowGroupSize(), dictionary)
          : parquetWriter(dictionary);
    } catch (IOException e) {
      failed = true;
      currentOutput.closeQuietly();
      throw StorageErrors.failed("cannot create data file", currentLocation, e);
    } catch (RuntimeException e) {
      failed = true;
      currentOutput.closeQuietly();
      throw e;
    }
    currentRecords = 0;
    nextSizeCheck = FIRST_SIZE_CHECK;
  }

  private void closeFile() {
    RecordFileWriter w = current;
    current = null;
    long size;
    try {
      w.close();
      size = currentOutput.finalSize();
    } catch (IOException | RuntimeException e) {
      failed = true;
      currentOutput.closeQuietly();
      throw StorageErrors.failed("cannot finish data file", currentLocation, e);
    }
    Map<Integer, ColumnStats> stats;
    try {
      // the footer as Parquet holds it in memory: its bounds are whole values, where the file's
      // footer leaves out bounds longer than 4 KiB
      stats = root.stats(w.footer(), currentLocation);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
    written.add(new AddFile(currentPath, partitionValues, specId, size, currentRecords, stats, true));
    root.resetStats();
  }

  /** Refuses to write through a symbolic link (or anything else) that leads out of the table. */
  private void checkDirectoryInside() {
    String location = TableLocations.locationOf(tableLocation, directory);
    try {
      io.checkWithin(tableLocation, location);
    } catch (IOException e) {
      failed = true;
      throw new StorageException("cannot tell whether " + location + " is inside the table: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
    directoryChecked = true;
  }

  private RecordFileWriter parquetWriter(boolean dictionary) throws IOException {
    Builder builder = new Builder(currentOutput, writeSupport)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new Codecs())
        .withCompressionCodec(options.codec())
        .withRowGroupSize(rowGroupSize())
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withDictionaryEncoding(dictionary);
    if (parquetSettings != null) {
      parquetSettings.accept(builder);
    }
    return RecordFileWriter.of(builder.build());
  }

  private long rowGroupSize() {
    return Math.min(options.targetFileSizeBytes(), MAX_ROW_GROUP_SIZE);
  }

  /** Builds Parquet writers of records on an output file, without Hadoop configuration (tests use it too). */
  static final class Builder extends ParquetWriter.Builder<Record, Builder> {
    private final RecordWriteSupport writeSupport;

    Builder(OutputFile file, RecordWriteSupport writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation")
    protected WriteSupport<Record> getWriteSupport(Configuration conf) {
      return writeSupport;
    }

    @Override
    protected WriteSupport<Record> getWriteSupport(ParquetConfiguration conf) {
      return writeSupport;
    }
  }
}

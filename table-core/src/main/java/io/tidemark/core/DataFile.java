package io.tidemark.core;

import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.TablePaths;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.PartitionValues;
import io.tidemark.spec.types.Schema;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A data file written for a table and not yet (or already) committed: what an {@link AppendFiles}
 * needs to add it to the table, wherever it was written. Immutable and {@link Serializable}, so a
 * description written in one JVM is committed in another.
 *
 * <p>Partition values are Java values of each partition field's result type (the classes
 * {@link io.tidemark.spec.types.PrimitiveType} names: {@code Integer} for {@code bucket} and
 * {@code int} columns, {@code LocalDate} for {@code day}, {@code String}, {@code Long},
 * {@code BigDecimal}, {@code Instant}, {@code ByteBuffer}, ...), keyed by partition field name in
 * the spec's order; a null value is a null partition. Descriptions handed out by the library
 * ({@link DataWriter#finish()}, {@link Snapshot#dataFiles()}, {@link ScanPlan#files()}) are typed by
 * the spec the file was written with, read with the table's current schema.
 *
 * @param path the file's path relative to the table root (spec.md section 9)
 * @param specId the partition spec the file was written with
 * @param partitionValues partition field name to the file's value, in the spec's order
 * @param fileSizeBytes the file's size
 * @param recordCount the rows in the file, deleted ones included (statistics describe them all)
 * @param columnStatistics statistics by field id; a column may be absent
 * @param deletedRecordCount the rows of the file that a deletion vector marks deleted at the
 *     version the description was read from (spec.md section 4.7); 0 for a file written and not
 *     yet committed, and the only value {@link AppendFiles} accepts
 */
public record DataFile(String path, int specId, Map<String, Object> partitionValues, long fileSizeBytes,
    long recordCount, Map<Integer, ColumnStatistics> columnStatistics, long deletedRecordCount)
    implements Serializable {
  /**
   * Checks the path and counts and copies the maps.
   *
   * @throws InvalidArgumentException when the path leaves the table or a count is negative
   */
  public DataFile {
    TablePaths.checkRelative(path);
    if (fileSizeBytes < 0 || recordCount < 0) {
      throw new InvalidArgumentException("data file " + path + " has a negative size ("
          + fileSizeBytes + ") or row count (" + recordCount + ")");
    }
    if (deletedRecordCount < 0 || deletedRecordCount > recordCount) {
      throw new InvalidArgumentException("data file " + path + " has " + deletedRecordCount
          + " deleted rows of " + recordCount);
    }
    // not Map.copyOf: partition values may be null
    partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(partitionValues)));
    columnStatistics = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(columnStatistics)));
  }

  /**
   * A description of a file without deleted rows, as a {@link DataWriter} makes it.
   *
   * @throws InvalidArgumentException when the path leaves the table or a count is negative
   */
  public DataFile(String path, int specId, Map<String, Object> partitionValues, long fileSizeBytes,
      long recordCount, Map<Integer, ColumnStatistics> columnStatistics) {
    this(path, specId, partitionValues, fileSizeBytes, recordCount, columnStatistics, 0);
  }

  /** The rows of the file that are not deleted: {@code recordCount - deletedRecordCount}. */
  public long liveRecordCount() {
    return recordCount - deletedRecordCount;
  }

  /**
   * The value of a partition field, by name.
   *
   * @throws InvalidArgumentException when the file has no partition field of that name
   */
  public Object partitionValue(String fieldName) {
    if (!partitionValues.containsKey(fieldName)) {
      throw new InvalidArgumentException("data file " + path + " has no partition field '" + fieldName
          + "' (fields are " + partitionValues.keySet() + ")");
    }
    return partitionValues.get(fieldName);
  }

  /**
   * The value of a partition field, by its position in the spec (0 is the first field).
   *
   * @throws InvalidArgumentException when the position is not one of the file's fields
   */
  public Object partitionValue(int position) {
    if (position < 0 || position >= partitionValues.size()) {
      throw new InvalidArgumentException("data file " + path + " has " + partitionValues.size()
          + " partition fields; there is no position " + position);
    }
    return new ArrayList<>(partitionValues.values()).get(position);
  }

  /** The description of a file the log adds, its partition values typed by its spec in {@code metadata}. */
  static DataFile of(AddFile add, Metadata metadata) {
    return of(add, metadata, typed(add, metadata));
  }

  private static DataFile of(AddFile add, Metadata metadata, Map<String, Object> typed) {
    Map<Integer, ColumnStatistics> stats = new TreeMap<>();
    add.stats().forEach((id, s) -> stats.put(id, new ColumnStatistics(s.nullCount(), s.nanCount(), s.min(),
        s.max())));
    long deleted = add.deletionVector() == null ? 0 : add.deletionVector().cardinality();
    return new DataFile(add.path(), add.specId(), typed, add.size(), add.recordCount(), stats, deleted);
  }

  private static Map<String, Object> typed(AddFile add, Metadata metadata) {
    PartitionSpec spec = metadata.spec(add.specId());
    Map<String, Object> typed = new LinkedHashMap<>();
    if (spec == null) {
      // replay refuses such files; kept as they are rather than failing a listing
      typed.putAll(add.partitionValues());
    } else {
      Object[] values = PartitionValues.fromJson(spec, metadata.schema(), add.partitionValues());
      List<PartitionField> fields = spec.fields();
      for (int i = 0; i < values.length; i++) {
        typed.put(fields.get(i).name(), values[i]);
      }
    }
    return typed;
  }

  /**
   * Describes many files of one snapshot, as {@link #of(AddFile, Metadata)}, parsing each distinct
   * partition once: the files of a plan come partition by partition. Not thread-safe.
   */
  static Function<AddFile, DataFile> describer(Metadata metadata) {
    Map<List<Object>, Map<String, Object>> parsed = new HashMap<>();
    return add -> {
      Map<String, Object> typed = parsed.get(List.of(add.specId(), add.partitionValues()));
      if (typed == null) {
        typed = typed(add, metadata);
        if (parsed.size() < 4_096) {
          parsed.put(List.of(add.specId(), add.partitionValues()), typed);
        }
      }
      return of(add, metadata, typed);
    };
  }

  /**
   * The log's add action for this file, as a data change: the one place where typed partition
   * values become the log's JSON single-value form.
   *
   * @throws InvalidArgumentException when the spec is unknown, a key is not a field of it, or a
   *     value is not of its field's result type (or out of its range)
   */
  AddFile toAddFile(Metadata metadata) {
    if (deletedRecordCount > 0) {
      throw new InvalidArgumentException("data file " + path + " has " + deletedRecordCount
          + " deleted rows; only files without deleted rows can be added (their deletion vector is not part"
          + " of the description)");
    }
    PartitionSpec spec = metadata.spec(specId);
    if (spec == null) {
      throw new InvalidArgumentException("data file " + path + " names partition spec " + specId
          + ", which the table does not have");
    }
    Schema schema = metadata.schema();
    List<PartitionField> fields = spec.fields();
    Object[] values = new Object[fields.size()];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      names.add(fields.get(i).name());
      values[i] = partitionValues.get(fields.get(i).name());
    }
    Map<String, Object> json;
    try {
      for (String key : partitionValues.keySet()) {
        if (!names.contains(key)) {
          throw new InvalidArgumentException("'" + key + "' is not a field of the spec (fields are " + names + ")");
        }
      }
      json = PartitionValues.toJson(spec, schema, values);
      // the range checks (bucket in [0, N), void is null) live with the log form
      PartitionValues.fromJson(spec, schema, json);
    } catch (InvalidArgumentException e) {
      throw new InvalidArgumentException("data file " + path + " has partition values " + partitionValues
          + " that are not values of spec " + specId + ": " + e.getMessage(), e);
    }
    Map<Integer, ColumnStats> stats = new TreeMap<>();
    columnStatistics.forEach((id, s) -> stats.put(id, new ColumnStats(s.nullCount(), s.nanCount(), s.lowerBound(),
        s.upperBound())));
    return new AddFile(path, json, specId, fileSizeBytes, recordCount, stats, true);
  }

  @Serial
  private Object writeReplace() throws ObjectStreamException {
    return new Serialized(this);
  }

  /**
   * The serial form: the record as it is, except binary partition values, whose Java class
   * ({@code ByteBuffer}) is not serializable, travel as byte arrays (never a partition value's
   * class otherwise).
   */
  private record Serialized(String path, int specId, LinkedHashMap<String, Object> partitionValues,
      long fileSizeBytes, long recordCount, TreeMap<Integer, ColumnStatistics> columnStatistics,
      long deletedRecordCount) implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    Serialized(DataFile f) {
      this(f.path, f.specId, new LinkedHashMap<>(), f.fileSizeBytes, f.recordCount,
          new TreeMap<>(f.columnStatistics), f.deletedRecordCount);
      f.partitionValues.forEach((k, v) -> partitionValues.put(k, v instanceof ByteBuffer b ? bytes(b) : v));
    }

    private static byte[] bytes(ByteBuffer b) {
      ByteBuffer d = b.duplicate();
      byte[] out = new byte[d.remaining()];
      d.get(out);
      return out;
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
      Map<String, Object> values = new LinkedHashMap<>();
      partitionValues.forEach((k, v) -> values.put(k, v instanceof byte[] b ? ByteBuffer.wrap(b).asReadOnlyBuffer() : v));
      return new DataFile(path, specId, values, fileSizeBytes, recordCount, columnStatistics, deletedRecordCount);
    }
  }
}

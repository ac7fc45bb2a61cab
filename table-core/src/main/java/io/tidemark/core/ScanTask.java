package io.tidemark.core;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.actions.DeletionVector;
import io.tidemark.spec.json.SchemaJson;
import io.tidemark.spec.types.Schema;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a scan that any JVM can read on its own, knowing only where the table is: a data
 * file, or a byte range of one, with the schema to read and the filter its rows must still pass.
 * A range holds the row groups whose middle byte falls in it, so the ranges of a file share out
 * its row groups without reading its footer to plan. Immutable and {@link Serializable}, so an
 * engine can ship it to a worker; read it with {@link ScanTasks#open}.
 */
public final class ScanTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String tableLocation;
  private final long version;
  private final String path;
  private final long fileSizeBytes;
  private final long fileRecordCount;
  private final long start;
  private final long length;
  private final String tableSchemaJson;
  private final String outputSchemaJson;
  private final String filter;
  private final DeletionVector deletionVector;
  private transient Schema tableSchema;
  private transient Schema outputSchema;

  ScanTask(String tableLocation, long version, String path, long fileSizeBytes, long fileRecordCount, long start,
      long length, String tableSchemaJson, String outputSchemaJson, String filter, DeletionVector deletionVector) {
    this.tableLocation = Objects.requireNonNull(tableLocation, "tableLocation");
    this.version = version;
    this.path = Objects.requireNonNull(path, "path");
    this.fileSizeBytes = fileSizeBytes;
    this.fileRecordCount = fileRecordCount;
    this.start = start;
    this.length = length;
    this.tableSchemaJson = Objects.requireNonNull(tableSchemaJson, "tableSchemaJson");
    this.outputSchemaJson = Objects.requireNonNull(outputSchemaJson, "outputSchemaJson");
    this.filter = filter;
    this.deletionVector = deletionVector;
  }

  /** The root of the table the file belongs to. */
  public String tableLocation() {
    return tableLocation;
  }

  /** The table version the scan reads. */
  public long version() {
    return version;
  }

  /** The data file's path, relative to the table root. */
  public String path() {
    return path;
  }

  /** The size of the whole data file in bytes. */
  public long fileSizeBytes() {
    return fileSizeBytes;
  }

  /**
   * The rows in the whole data file (a range reads a part of them, before filtering), deleted
   * ones included.
   */
  public long fileRecordCount() {
    return fileRecordCount;
  }

  /** The first byte of the range this task reads. */
  public long start() {
    return start;
  }

  /** The length of the range in bytes; the whole file when {@code start} is 0 and this is its size. */
  public long length() {
    return length;
  }

  /** True when this task reads the whole file rather than a range of it. */
  public boolean wholeFile() {
    return start == 0 && length >= fileSizeBytes;
  }

  /** The rows of the whole data file that a deletion vector deletes (0 when none does). */
  public long fileDeletedRecordCount() {
    return deletionVector == null ? 0 : deletionVector.cardinality();
  }

  /**
   * The rows this task is expected to return before filtering, in proportion to its range,
   * deleted rows left out.
   */
  public long estimatedRecordCount() {
    long live = fileRecordCount - fileDeletedRecordCount();
    return wholeFile() || fileSizeBytes == 0 ? live
        : Math.max(live == 0 ? 0 : 1, Math.round((double) live * length / fileSizeBytes));
  }

  /** The file's deletion vector, or null. */
  DeletionVector deletionVector() {
    return deletionVector;
  }

  /** The table's schema at {@link #version()}, by which the file's columns are read (by field id). */
  public Schema tableSchema() {
    if (tableSchema == null) {
      tableSchema = SchemaJson.fromJson(tableSchemaJson);
    }
    return tableSchema;
  }

  /** The columns the task returns, in order. */
  public Schema schema() {
    if (outputSchema == null) {
      outputSchema = SchemaJson.fromJson(outputSchemaJson);
    }
    return outputSchema;
  }

  /** The filter every returned row passes, or empty when every row is returned. */
  public Optional<Expression> filter() {
    return Optional.ofNullable(filter).map(Expressions::parse);
  }

  /** The filter in the filter language, or null when the scan has none. */
  String filterText() {
    return filter;
  }

  /** Whether two tasks come from one read: the same table, version, schemas and filter. */
  boolean sameReadAs(ScanTask other) {
    return tableLocation.equals(other.tableLocation) && version == other.version
        && tableSchemaJson.equals(other.tableSchemaJson) && outputSchemaJson.equals(other.outputSchemaJson)
        && Objects.equals(filter, other.filter);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScanTask t && sameReadAs(t) && path.equals(t.path)
        && start == t.start
        && length == t.length && fileSizeBytes == t.fileSizeBytes && fileRecordCount == t.fileRecordCount
        && Objects.equals(deletionVector, t.deletionVector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tableLocation, version, path, start, length);
  }

  @Override
  public String toString() {
    return "ScanTask{" + path + (wholeFile() ? "" : " bytes " + start + "+" + length) + " @v" + version
        + (filter == null ? "" : " where " + filter) + "}";
  }
}

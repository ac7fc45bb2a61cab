package io.tidemark.core;

import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.ops.TableDrop;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creates and opens tables. A location is a local path, a {@code file:} or {@code hdfs:} URI, or
 * any location a {@link io.tidemark.core.io.FileIOProvider} on the classpath handles.
 */
public final class Tables {
  /** spec.md: partition field ids start at 1000, so a table without any has 999 as its last. */
  private static final int UNASSIGNED_PARTITION_ID = 999;

  private Tables() {}

  /**
   * Creates an empty, unpartitioned table.
   *
   * @throws io.tidemark.spec.error.TableAlreadyExistsException when a table exists there
   */
  public static Table create(String location, Schema schema) {
    return create(location, schema, Map.of());
  }

  /**
   * Creates an empty, unpartitioned table with properties: keys of {@link TableProperties} and
   * keys starting with {@value TableProperties#USER_PREFIX}.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException naming an unknown key (and the closest
   *     known one) or an invalid value
   */
  public static Table create(String location, Schema schema, Map<String, String> properties) {
    return create(location, schema, PartitionSpec.unpartitioned(), properties);
  }

  /** Creates an empty, unpartitioned table on the given storage, which the table does not close. */
  public static Table create(FileIO io, String location, Schema schema, Map<String, String> properties) {
    return create(io, location, schema, PartitionSpec.unpartitioned(), properties);
  }

  /**
   * Creates an empty table partitioned by a spec built for the schema, e.g.
   * {@code PartitionSpec.builderFor(schema).day("ts").bucket("id", 16).build()}: rows are
   * written to one set of files per partition, and filters on the source columns prune them.
   */
  public static Table create(String location, Schema schema, PartitionSpec spec, Map<String, String> properties) {
    return create(location, schema, spec, properties, TableOptions.defaults());
  }

  /**
   * Creates an empty table with options for this table object (cache sizes, the storage's
   * settings): the table makes its storage from the location and the options, and closes it when
   * it is closed.
   *
   * @param properties the table properties, stored in the table
   * @param options this process's settings, stored nowhere
   */
  public static Table create(String location, Schema schema, PartitionSpec spec, Map<String, String> properties,
      TableOptions options) {
    FileIO io = FileIOs.forLocation(checkNotEmpty(location), options.asMap());
    return closingOnFailure(io, () -> create(io, true, location, schema, spec, properties, options));
  }

  /** Creates an empty, partitioned table on the given storage, which the table does not close. */
  public static Table create(FileIO io, String location, Schema schema, PartitionSpec spec,
      Map<String, String> properties) {
    return create(io, location, schema, spec, properties, TableOptions.defaults());
  }

  /**
   * Creates an empty, partitioned table on the given storage, which the table does not close,
   * with options for this table object (the storage's own options do not apply: it is made).
   */
  public static Table create(FileIO io, String location, Schema schema, PartitionSpec spec,
      Map<String, String> properties, TableOptions options) {
    return create(io, false, location, schema, spec, properties, options);
  }

  private static Table create(FileIO io, boolean ownsIo, String location, Schema schema, PartitionSpec spec,
      Map<String, String> properties, TableOptions options) {
    String root = io.tableRoot(checkNotEmpty(location));
    PropertyRules.checkNew(properties);
    spec.checkCompatible(schema);
    if (spec.specId() != 0) {
      throw new InvalidArgumentException("a new table's partition spec has id 0, was " + spec.specId());
    }
    int lastPartitionId = spec.isUnpartitioned() ? UNASSIGNED_PARTITION_ID : spec.lastAssignedFieldId();
    Metadata metadata = new Metadata(UUID.randomUUID().toString(), 0, schema, schema.highestFieldId(),
        List.of(spec), 0, lastPartitionId, properties, System.currentTimeMillis());
    BaseTable table = new BaseTable(io, ownsIo, root, options);
    table.committer().create(PendingCommit.builder("CREATE TABLE")
        .protocol(DeleteMode.protocolFor(Protocol.current(), properties)).metadata(metadata)
        .build());
    return table;
  }

  /**
   * Opens an existing table and loads its newest snapshot.
   *
   * @throws io.tidemark.spec.error.TableNotFoundException when there is no table
   */
  public static Table open(String location) {
    return open(location, TableOptions.defaults());
  }

  /**
   * Opens an existing table with options for this table object (cache sizes, the storage's
   * settings): the table makes its storage from the location and the options, and closes it when
   * it is closed.
   *
   * @throws io.tidemark.spec.error.TableNotFoundException when there is no table
   */
  public static Table open(String location, TableOptions options) {
    FileIO io = FileIOs.forLocation(checkNotEmpty(location), options.asMap());
    return closingOnFailure(io, () -> open(io, true, location, options));
  }

  /**
   * Opens an existing table on the given storage and loads its newest snapshot. However the
   * location is written (a plain, relative or {@code file:} path, with {@code ..} segments or a
   * trailing slash), the table's {@link Table#location()} is the storage's
   * {@linkplain FileIO#tableRoot one spelling} of it. When the newest version cannot be read (a
   * damaged or missing commit, or a protocol this library does not support), the table opens all
   * the same, so that the older versions that do not need it can be read (spec 10.1); using the
   * newest version then raises that error. Closing the table leaves the file IO open.
   *
   * @throws io.tidemark.spec.error.TableNotFoundException when there is no table
   */
  public static Table open(FileIO io, String location) {
    return open(io, location, TableOptions.defaults());
  }

  /** Opens an existing table on the given storage, which the table does not close, with options for this table object. */
  public static Table open(FileIO io, String location, TableOptions options) {
    return open(io, false, location, options);
  }

  private static Table open(FileIO io, boolean ownsIo, String location, TableOptions options) {
    BaseTable table = new BaseTable(io, ownsIo, io.tableRoot(checkNotEmpty(location)), options);
    try {
      table.refresh();
    } catch (CorruptLogException | UnsupportedFeatureException e) {
      // raised again by whatever uses the newest version; older versions may not need what failed
    }
    return table;
  }

  /**
   * Drops the table at a location: deletes its log and manifests, so that no table is there any
   * more, and its data files only when {@code purge} is set (without it they stay, and a new table
   * created there does not see them). Deleting many files cannot be atomic: a drop stopped part-way
   * leaves a table whose older history is gone, or a log reported as having a missing commit;
   * dropping again finishes. Tables open at the location at the same time fail on their next
   * refresh. Nothing outside the table's root is touched.
   *
   * @return false, deleting nothing, when there is no table at the location
   * @throws io.tidemark.spec.error.StorageException when files could not be deleted
   */
  public static boolean drop(FileIO io, String location, boolean purge) {
    return TableDrop.drop(io, checkNotEmpty(location), purge);
  }

  /** Runs {@code make}; when it fails, closes the file IO made for it, which nobody else holds. */
  private static Table closingOnFailure(FileIO io, Supplier<Table> make) {
    try {
      return make.get();
    } catch (RuntimeException | Error e) {
      try {
        io.close();
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static String checkNotEmpty(String location) {
    if (location == null || location.isBlank()) {
      throw new InvalidArgumentException("table location is empty");
    }
    return location.strip();
  }

}

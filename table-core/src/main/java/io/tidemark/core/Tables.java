package io.tidemark.core;

import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    return create(FileIOs.forLocation(checkNotEmpty(location)), location, schema, properties);
  }

  /** Creates an empty, unpartitioned table on the given storage. */
  public static Table create(FileIO io, String location, Schema schema, Map<String, String> properties) {
    return create(io, location, schema, PartitionSpec.unpartitioned(), properties);
  }

  /**
   * Creates an empty table partitioned by a spec built for the schema, e.g.
   * {@code PartitionSpec.builderFor(schema).day("ts").bucket("id", 16).build()}: rows are
   * written to one set of files per partition, and filters on the source columns prune them.
   */
  public static Table create(String location, Schema schema, PartitionSpec spec, Map<String, String> properties) {
    return create(FileIOs.forLocation(checkNotEmpty(location)), location, schema, spec, properties);
  }

  /** Creates an empty, partitioned table on the given storage. */
  public static Table create(FileIO io, String location, Schema schema, PartitionSpec spec,
      Map<String, String> properties) {
    String root = io.tableRoot(checkNotEmpty(location));
    PropertyRules.checkNew(properties);
    spec.checkCompatible(schema);
    if (spec.specId() != 0) {
      throw new InvalidArgumentException("a new table's partition spec has id 0, was " + spec.specId());
    }
    int lastPartitionId = spec.isUnpartitioned() ? UNASSIGNED_PARTITION_ID : spec.lastAssignedFieldId();
    Metadata metadata = new Metadata(UUID.randomUUID().toString(), 0, schema, schema.highestFieldId(),
        List.of(spec), 0, lastPartitionId, properties, System.currentTimeMillis());
    BaseTable table = new BaseTable(io, root);
    table.committer().create(PendingCommit.builder("CREATE TABLE").protocol(DeleteMode.protocolFor(Protocol.current(), properties)).metadata(metadata)
        .build());
    return table;
  }

  /**
   * Opens an existing table and loads its newest snapshot.
   *
   * @throws io.tidemark.spec.error.TableNotFoundException when there is no table
   */
  public static Table open(String location) {
    return open(FileIOs.forLocation(checkNotEmpty(location)), location);
  }

  /**
   * Opens an existing table on the given storage and loads its newest snapshot. However the
   * location is written (a plain, relative or {@code file:} path, with {@code ..} segments or a
   * trailing slash), the table's {@link Table#location()} is the storage's
   * {@linkplain FileIO#tableRoot one spelling} of it. When the newest version cannot be read (a
   * damaged or missing commit, or a protocol this library does not support), the table opens all
   * the same, so that the older versions that do not need it can be read (spec 10.1); using the
   * newest version then raises that error.
   *
   * @throws io.tidemark.spec.error.TableNotFoundException when there is no table
   */
  public static Table open(FileIO io, String location) {
    BaseTable table = new BaseTable(io, io.tableRoot(checkNotEmpty(location)));
    try {
      table.refresh();
    } catch (CorruptLogException | UnsupportedFeatureException e) {
      // raised again by whatever uses the newest version; older versions may not need what failed
    }
    return table;
  }

  private static String checkNotEmpty(String location) {
    if (location == null || location.isBlank()) {
      throw new InvalidArgumentException("table location is empty");
    }
    return location.strip();
  }

}

package io.tidemark.spark;

import io.tidemark.core.Table;
import io.tidemark.core.TableOptions;
import io.tidemark.core.Tables;
import io.tidemark.spec.error.TableAlreadyExistsException;
import io.tidemark.spec.error.TableNotFoundException;
import io.tidemark.spec.partition.PartitionSpec;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A path where no table is yet: the first write creates an unpartitioned table of the data's
 * schema there (the creation is its own commit, made when the write starts); a read fails with
 * {@link TableNotFoundException}.
 */
final class NewPathTable implements org.apache.spark.sql.connector.catalog.Table, SupportsWrite, SupportsRead {
  private final String path;
  private final TableOptions options;

  NewPathTable(String path, TableOptions options) {
    this.path = path;
    this.options = options;
  }

  @Override
  public String name() {
    return path;
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return new StructType();
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.STREAMING_WRITE,
        TableCapability.TRUNCATE, TableCapability.OVERWRITE_BY_FILTER, TableCapability.ACCEPT_ANY_SCHEMA);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    throw new TableNotFoundException(path);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    Table table;
    try {
      table = Tables.create(path, SparkSchemas.toTidemark(info.schema()), PartitionSpec.unpartitioned(), Map.of(),
          options);
    } catch (TableAlreadyExistsException e) {
      // made since this object was: by an earlier micro-batch of the same query, or another writer
      table = Tables.open(path, options);
    }
    return new SparkTable(table, options, TimeTravel.LATEST, true).newWriteBuilder(info);
  }
}

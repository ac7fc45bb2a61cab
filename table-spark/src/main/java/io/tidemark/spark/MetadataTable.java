package io.tidemark.spark;

import io.tidemark.core.Table;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.LocalScan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A metadata table of a Tidemark table ({@code <table>.history}, {@code <table>.files}): a few
 * rows made on the driver from the library's public model, read as a local scan.
 */
abstract class MetadataTable implements org.apache.spark.sql.connector.catalog.Table, SupportsRead {
  private final Table table;
  private final String suffix;
  private final StructType schema;

  MetadataTable(Table table, String suffix, StructType schema) {
    this.table = table;
    this.suffix = suffix;
    this.schema = schema;
  }

  Table table() {
    return table;
  }

  /** The rows, made when the query runs. */
  abstract InternalRow[] rows();

  @Override
  public String name() {
    return table.location() + "#" + suffix;
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return () -> new LocalScan() {
      @Override
      public InternalRow[] rows() {
        return MetadataTable.this.rows();
      }

      @Override
      public StructType readSchema() {
        return schema;
      }
    };
  }

  /** A Spark map of string keys; values as given, or as text when {@code strings}. */
  static ArrayBasedMapData map(Map<String, ?> values, boolean strings) {
    Object[] keys = new Object[values.size()];
    Object[] vals = new Object[values.size()];
    int i = 0;
    for (Map.Entry<String, ?> e : values.entrySet()) {
      keys[i] = UTF8String.fromString(e.getKey());
      vals[i] = e.getValue() == null ? null : strings ? UTF8String.fromString(String.valueOf(e.getValue())) : e.getValue();
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(vals));
  }
}

package io.tidemark.spark;

import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.LocalScan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The metadata table {@code <table>.files}: one row per live data file of the newest version,
 * from {@link io.tidemark.core.Snapshot#dataFiles()} — path (relative to the table), the
 * partition spec it was written with, its partition values (field name to value as text; files of
 * different specs have different fields), its rows (deleted ones included), the rows its deletion
 * vector hides, and its size.
 */
final class FilesTable implements org.apache.spark.sql.connector.catalog.Table, SupportsRead {
  /** The name after the table's: {@code SELECT * FROM tm.db.events.files}. */
  static final String NAME = "files";
  private static final StructType SCHEMA = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("spec_id", DataTypes.IntegerType, false)
      .add("partition", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
      .add("record_count", DataTypes.LongType, false)
      .add("deleted_record_count", DataTypes.LongType, false)
      .add("size_bytes", DataTypes.LongType, false);

  private final Table table;

  FilesTable(Table table) {
    this.table = table;
  }

  @Override
  public String name() {
    return table.location() + "#" + NAME;
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return SCHEMA;
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
        Collection<DataFile> files = table.refresh().dataFiles();
        return files.stream().sorted(java.util.Comparator.comparing(DataFile::path))
            .map(f -> new GenericInternalRow(new Object[] {UTF8String.fromString(f.path()), f.specId(),
                partition(f.partitionValues()), f.recordCount(), f.deletedRecordCount(), f.fileSizeBytes()}))
            .toArray(InternalRow[]::new);
      }

      @Override
      public StructType readSchema() {
        return SCHEMA;
      }
    };
  }

  private static ArrayBasedMapData partition(Map<String, Object> values) {
    Object[] keys = new Object[values.size()];
    Object[] vals = new Object[values.size()];
    int i = 0;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      keys[i] = UTF8String.fromString(e.getKey());
      vals[i] = e.getValue() == null ? null : UTF8String.fromString(text(e.getValue()));
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(vals));
  }

  /** A partition value as text: dates and instants in ISO form, decimals plain, bytes in hex. */
  private static String text(Object value) {
    if (value instanceof ByteBuffer b) {
      ByteBuffer d = b.duplicate();
      byte[] bytes = new byte[d.remaining()];
      d.get(bytes);
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }
}

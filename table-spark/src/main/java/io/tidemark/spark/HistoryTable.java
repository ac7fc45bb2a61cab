package io.tidemark.spark;

import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.data.Micros;
import java.util.EnumSet;
import java.util.List;
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
 * The metadata table {@code <table>.history}: one row per version, oldest first, from
 * {@link Table#history()} — version, in-commit timestamp, operation, its parameters and metrics,
 * the version read, and whether it only added files.
 */
final class HistoryTable implements org.apache.spark.sql.connector.catalog.Table, SupportsRead {
  /** The name after the table's: {@code SELECT * FROM tm.db.events.history}. */
  static final String NAME = "history";
  private static final StructType SCHEMA = new StructType()
      .add("version", DataTypes.LongType, false)
      .add("timestamp", DataTypes.TimestampType, false)
      .add("operation", DataTypes.StringType)
      .add("parameters", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
      .add("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
      .add("read_version", DataTypes.LongType)
      .add("blind_append", DataTypes.BooleanType, false);

  private final Table table;

  HistoryTable(Table table) {
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
        List<HistoryEntry> history = table.history();
        InternalRow[] out = new InternalRow[history.size()];
        for (int i = 0; i < out.length; i++) {
          HistoryEntry h = history.get(i);
          out[i] = new GenericInternalRow(new Object[] {h.version(), Micros.of(h.timestamp()),
              UTF8String.fromString(h.operation()), map(h.parameters(), true), map(h.metrics(), false),
              h.readVersion(), h.blindAppend()});
        }
        return out;
      }

      @Override
      public StructType readSchema() {
        return SCHEMA;
      }
    };
  }

  private static ArrayBasedMapData map(Map<String, ?> values, boolean strings) {
    Object[] keys = new Object[values.size()];
    Object[] vals = new Object[values.size()];
    int i = 0;
    for (Map.Entry<String, ?> e : new java.util.TreeMap<>(values).entrySet()) {
      keys[i] = UTF8String.fromString(e.getKey());
      vals[i] = strings ? UTF8String.fromString(String.valueOf(e.getValue())) : e.getValue();
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(vals));
  }
}

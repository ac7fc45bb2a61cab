package io.tidemark.spark;

import io.tidemark.core.HistoryEntry;
import io.tidemark.core.Table;
import io.tidemark.core.data.Micros;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The metadata table {@code <table>.history}: one row per version, oldest first, from
 * {@link Table#history()} — version, in-commit timestamp, operation, its parameters and metrics,
 * the version read, and whether it only added files.
 */
final class HistoryTable extends MetadataTable {
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

  HistoryTable(Table table) {
    super(table, NAME, SCHEMA);
  }

  @Override
  InternalRow[] rows() {
    List<HistoryEntry> history = table().history();
    InternalRow[] out = new InternalRow[history.size()];
    for (int i = 0; i < out.length; i++) {
      HistoryEntry h = history.get(i);
      out[i] = new GenericInternalRow(new Object[] {h.version(), Micros.of(h.timestamp()),
          UTF8String.fromString(h.operation()), map(new TreeMap<>(h.parameters()), true),
          map(new TreeMap<>(h.metrics()), false), h.readVersion(), h.blindAppend()});
    }
    return out;
  }
}

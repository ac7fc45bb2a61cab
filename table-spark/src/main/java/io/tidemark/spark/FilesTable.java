package io.tidemark.spark;

import io.tidemark.core.DataFile;
import io.tidemark.core.Table;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The metadata table {@code <table>.files}: one row per live data file of the newest version,
 * from {@link io.tidemark.core.Snapshot#dataFiles()} — path (relative to the table), the
 * partition spec it was written with, its partition values (field name to value as text; files of
 * different specs have different fields), its rows (deleted ones included), the rows its deletion
 * vector hides, and its size.
 */
final class FilesTable extends MetadataTable {
  /** The name after the table's: {@code SELECT * FROM tm.db.events.files}. */
  static final String NAME = "files";
  private static final StructType SCHEMA = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("spec_id", DataTypes.IntegerType, false)
      .add("partition", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
      .add("record_count", DataTypes.LongType, false)
      .add("deleted_record_count", DataTypes.LongType, false)
      .add("size_bytes", DataTypes.LongType, false);

  FilesTable(Table table) {
    super(table, NAME, SCHEMA);
  }

  @Override
  InternalRow[] rows() {
    return table().refresh().dataFiles().stream().sorted(Comparator.comparing(DataFile::path))
        .map(f -> new GenericInternalRow(new Object[] {UTF8String.fromString(f.path()), f.specId(),
            map(partition(f.partitionValues()), false), f.recordCount(), f.deletedRecordCount(), f.fileSizeBytes()}))
        .toArray(InternalRow[]::new);
  }

  private static Map<String, UTF8String> partition(Map<String, Object> values) {
    Map<String, UTF8String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v == null ? null : UTF8String.fromString(text(v))));
    return out;
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

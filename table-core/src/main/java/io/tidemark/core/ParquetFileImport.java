package io.tidemark.core;

import io.tidemark.core.internal.ops.FileExistence;
import io.tidemark.core.internal.parquet.ParquetImport;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.TablePaths;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.PartitionValues;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes an existing Parquet file inside the table for an append: size from the storage, rows
 * and statistics from its footer (checked against the schema by field id), partition values of
 * the default spec proven from its statistics.
 */
final class ParquetFileImport {
  private ParquetFileImport() {}

  static DataFile describe(BaseTable table, Metadata metadata, String path) {
    TablePaths.checkRelative(path);
    if (!path.startsWith("data/")) {
      // vacuum only ever lists data/, and keeps what a retained version references
      throw new InvalidArgumentException("cannot import " + path + ": imported files must be under the table's data/ "
          + "directory (" + table.location() + "/data/)");
    }
    table.locations().resolveInside(path);
    Long size = FileExistence.sizes(table, List.of(path)).get(path);
    if (size == null) {
      throw new InvalidArgumentException("cannot import " + path + ": it does not exist in " + table.location());
    }
    ParquetImport.Footer footer = ParquetImport.read(table.locations().inputFile(path), metadata.schema());
    PartitionSpec spec = metadata.defaultSpec();
    Object[] values = partition(path, metadata, spec, footer);
    Map<String, Object> json = PartitionValues.toJson(spec, metadata.schema(), values);
    AddFile add = new AddFile(path, json, spec.specId(), size, footer.recordCount(), footer.stats(), true);
    return DataFile.of(add, metadata);
  }

  /**
   * The file's partition values, when its statistics prove that every row has the same ones:
   * each source column's rows are all null, or none is and the transform of its lower bound equals
   * that of its upper bound (for bucket, which keeps no order, the bounds themselves are equal).
   */
  private static Object[] partition(String path, Metadata metadata, PartitionSpec spec, ParquetImport.Footer footer) {
    List<PartitionField> fields = spec.fields();
    Object[] values = new Object[fields.size()];
    if (fields.isEmpty()) {
      return values;
    }
    if (footer.recordCount() == 0) {
      throw new InvalidArgumentException("cannot import " + path + ": it has no rows, so no partition");
    }
    for (int i = 0; i < values.length; i++) {
      PartitionField field = fields.get(i);
      if (field.transform().name().equals("void")) {
        continue;
      }
      Type sourceType = field.source(metadata.schema()).type();
      ColumnStats stats = footer.stats().get(field.sourceId());
      String why = null;
      if (stats == null) {
        why = "its footer has no statistics of column " + field.source(metadata.schema()).name();
      } else if (stats.nullCount() == footer.recordCount()) {
        continue;
      } else if (stats.nullCount() > 0) {
        why = "its rows are in the null partition and others of field '" + field.name() + "'";
      } else if (stats.min() == null || stats.max() == null) {
        why = "its footer has no bounds of column " + field.source(metadata.schema()).name();
      } else {
        Object lower = JsonValues.fromJson(sourceType, stats.min());
        Object upper = JsonValues.fromJson(sourceType, stats.max());
        Object low = field.transform().apply(sourceType, lower);
        Object high = field.transform().apply(sourceType, upper);
        boolean same = field.transform().preservesOrder() ? Objects.equals(low, high) : Objects.equals(lower, upper);
        if (same) {
          values[i] = low;
          continue;
        }
        why = "its rows may span several partitions of field '" + field.name() + "' (" + field.transform()
            + " of " + stats.min() + " is " + low + ", of " + stats.max() + " is " + high + ")";
      }
      throw new InvalidArgumentException("cannot import " + path + " into partition spec " + spec.specId() + ": " + why
          + "; a file imported into a partitioned table must provably hold one partition");
    }
    return values;
  }
}

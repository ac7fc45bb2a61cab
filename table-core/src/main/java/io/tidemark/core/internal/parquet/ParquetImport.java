package io.tidemark.core.internal.parquet;

import io.tidemark.core.internal.parquet.ValueWriters.Column;
import io.tidemark.core.io.InputFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Describes a Parquet file that no Tidemark writer wrote, from its footer alone: its row count and
 * the statistics Parquet kept, after checking that it is a file of the table's schema by field id.
 * The check is exact, because rows are read by field id and a near miss would read wrong values:
 * every Parquet field carries a field id of the table's schema, at the same nesting, with exactly
 * the Parquet type Tidemark writes for that field (spec.md section 8); a column the schema requires
 * is present and required; a file may leave out optional columns (they read as null). Files
 * without field ids are refused: matching by name would silently break with the first rename.
 */
public final class ParquetImport {
  private ParquetImport() {}

  /** What the footer says: the rows and the column statistics by field id. */
  public record Footer(long recordCount, Map<Integer, ColumnStats> stats) {}

  /**
   * Reads and checks the footer of a file.
   *
   * @throws SchemaMismatchException naming the first field that does not fit the schema
   * @throws StorageException when the file cannot be read as Parquet
   */
  public static Footer read(InputFile file, Schema schema) {
    ParquetMetadata footer;
    try (ParquetFileReader reader = ParquetFileReader.open(ParquetInput.of(file),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new Codecs()).build())) {
      footer = reader.getFooter();
    } catch (IOException | RuntimeException e) {
      throw new StorageException("cannot read the Parquet footer of " + file.location() + ": " + e.getMessage(), e);
    }
    MessageType found = footer.getFileMetaData().getSchema();
    check(found, ParquetSchemas.convert(schema), "");
    long rows = 0;
    for (BlockMetaData rowGroup : footer.getBlocks()) {
      rows += rowGroup.getRowCount();
    }
    return new Footer(rows, FooterStats.ofFooter(statsColumns(found, schema), footer, file.location()));
  }

  /** Checks the fields of a group of the file against those of the expected group, by id. */
  private static void check(GroupType found, GroupType expected, String path) {
    Map<Integer, Type> byId = new HashMap<>();
    for (Type t : expected.getFields()) {
      byId.put(t.getId().intValue(), t);
    }
    Map<Integer, Type> seen = new HashMap<>();
    for (Type f : found.getFields()) {
      String name = path + f.getName();
      if (f.getId() == null) {
        throw new SchemaMismatchException(name, "a Parquet field id", "a field without one (files are matched by id)");
      }
      Type e = byId.get(f.getId().intValue());
      if (e == null) {
        throw new SchemaMismatchException(name, "a field id of the table's schema", "field id " + f.getId());
      }
      if (seen.put(f.getId().intValue(), f) != null) {
        throw new SchemaMismatchException(name, "each field id once", "field id " + f.getId() + " twice");
      }
      checkField(f, e, name);
    }
    for (Entry<Integer, Type> e : byId.entrySet()) {
      if (e.getValue().getRepetition() == Repetition.REQUIRED && !seen.containsKey(e.getKey())) {
        throw new SchemaMismatchException(path + e.getValue().getName(), "required column (id " + e.getKey() + ")",
            "no such column");
      }
    }
  }

  private static void checkField(Type found, Type expected, String name) {
    if (expected.getRepetition() == Repetition.REQUIRED && found.getRepetition() != Repetition.REQUIRED) {
      throw new SchemaMismatchException(name, "a required field", found.getRepetition().name().toLowerCase(Locale.ROOT));
    }
    if (found.getRepetition() == Repetition.REPEATED) {
      throw new SchemaMismatchException(name, expected.toString(), found.toString());
    }
    if (expected.isPrimitive() != found.isPrimitive()) {
      throw new SchemaMismatchException(name, expected.toString(), found.toString());
    }
    if (expected.isPrimitive()) {
      var e = expected.asPrimitiveType();
      var f = found.asPrimitiveType();
      if (e.getPrimitiveTypeName() != f.getPrimitiveTypeName() || e.getTypeLength() != f.getTypeLength()
          || !java.util.Objects.equals(e.getLogicalTypeAnnotation(), f.getLogicalTypeAnnotation())) {
        throw new SchemaMismatchException(name, describe(e), describe(f));
      }
      return;
    }
    LogicalTypeAnnotation shape = expected.getLogicalTypeAnnotation();
    if (!java.util.Objects.equals(shape, found.getLogicalTypeAnnotation())) {
      throw new SchemaMismatchException(name, String.valueOf(shape), String.valueOf(found.getLogicalTypeAnnotation()));
    }
    if (shape == null) {
      check(found.asGroupType(), expected.asGroupType(), name + ".");
      return;
    }
    // a list or a map: one repeated group without id, holding the fields with ids
    GroupType f = found.asGroupType();
    if (f.getFieldCount() != 1 || f.getType(0).isPrimitive() || f.getType(0).getRepetition() != Repetition.REPEATED) {
      throw new SchemaMismatchException(name, expected.toString(), found.toString());
    }
    check(f.getType(0).asGroupType(), expected.asGroupType().getType(0).asGroupType(), name + ".");
  }

  private static String describe(org.apache.parquet.schema.PrimitiveType t) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    return t.getPrimitiveTypeName() + (t.getTypeLength() > 0 ? "(" + t.getTypeLength() + ")" : "")
        + (a == null ? "" : " " + a);
  }

  /** The file's primitive columns not inside a list or a map, which get statistics. */
  private static List<Column> statsColumns(MessageType found, Schema schema) {
    List<Column> out = new ArrayList<>();
    var columns = found.getColumns();
    for (int i = 0; i < columns.size(); i++) {
      String[] path = columns.get(i).getPath();
      GroupType group = found;
      boolean tracked = true;
      Type t = null;
      for (String part : path) {
        t = group.getType(part);
        if (t.getLogicalTypeAnnotation() != null && !t.isPrimitive()) {
          tracked = false;
          break;
        }
        if (!t.isPrimitive()) {
          group = t.asGroupType();
        }
      }
      if (tracked) {
        NestedField field = schema.findField(t.getId().intValue());
        out.add(new Column(field.id(), String.join(".", path), field.type(), i));
      }
    }
    return out;
  }
}

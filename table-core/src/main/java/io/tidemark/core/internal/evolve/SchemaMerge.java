package io.tidemark.core.internal.evolve;

import io.tidemark.core.data.Record;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merge-schema appends: widens the table schema by the columns a record has that the table
 * lacks (as optional columns, fresh ids), and converts records, matched by name, to the table
 * schema.
 */
final class SchemaMerge {
  private int lastId;
  private final List<String> added = new ArrayList<>();

  private SchemaMerge(int lastId) {
    this.lastId = lastId;
  }

  /** The merge of a record struct into the metadata; the same metadata when nothing is new. */
  static Merged merge(Metadata base, StructType incoming) {
    SchemaMerge m = new SchemaMerge(Math.max(base.lastColumnId(), base.schema().highestFieldId()));
    StructType merged = m.struct(base.schema().asStruct(), incoming, "");
    if (m.added.isEmpty()) {
      return new Merged(base, List.of());
    }
    Schema schema = new Schema(merged.fields());
    return new Merged(new Metadata(base.tableId(), base.schemaId() + 1, schema, m.lastId, base.partitionSpecs(),
        base.defaultSpecId(), base.lastPartitionId(), base.properties(), base.createdTime()), List.copyOf(m.added));
  }

  /** The result of a merge: the metadata and the columns it added (dotted paths with types). */
  record Merged(Metadata metadata, List<String> added) {}

  private StructType struct(StructType table, StructType incoming, String prefix) {
    List<NestedField> out = new ArrayList<>(table.fields().size());
    for (NestedField f : table.fields()) {
      NestedField in = incoming.field(f.name());
      out.add(in == null ? f : new NestedField(f.id(), f.name(), type(f.type(), in.type(), prefix + f.name()),
          f.required(), f.doc()));
    }
    for (NestedField in : incoming.fields()) {
      if (table.field(in.name()) == null) {
        added.add(prefix + in.name() + " " + in.type());
        out.add(fresh(in.name(), in.type()));
      }
    }
    return new StructType(out);
  }

  private Type type(Type table, Type incoming, String path) {
    if (table.equals(incoming)) {
      return table;
    }
    if (table instanceof StructType ts && incoming instanceof StructType is) {
      return struct(ts, is, path + ".");
    }
    if (table instanceof ListType tl && incoming instanceof ListType il) {
      return new ListType(tl.elementId(), type(tl.elementType(), il.elementType(), path + ".element"),
          tl.elementRequired());
    }
    if (table instanceof MapType tm && incoming instanceof MapType im && tm.keyType().equals(im.keyType())) {
      return new MapType(tm.keyId(), tm.keyType(), tm.valueId(), type(tm.valueType(), im.valueType(), path + ".value"),
          tm.valueRequired());
    }
    if (promotes(incoming, table)) {
      return table;
    }
    throw new SchemaMismatchException(path, table + " (the table's type; merging may add columns but not change "
        + "types)", incoming.toString());
  }

  /** True when values of {@code from} are values of {@code to} after widening. */
  static boolean promotes(Type from, Type to) {
    return (from == PrimitiveType.INT && to == PrimitiveType.LONG)
        || (from == PrimitiveType.FLOAT && to == PrimitiveType.DOUBLE)
        || (from instanceof DecimalType d && to instanceof DecimalType e && d.scale() == e.scale()
            && d.precision() < e.precision());
  }

  private NestedField fresh(String name, Type type) {
    return new NestedField(++lastId, name, renumber(type), false, null);
  }

  private Type renumber(Type type) {
    if (type instanceof StructType s) {
      List<NestedField> fields = new ArrayList<>();
      for (NestedField f : s.fields()) {
        fields.add(new NestedField(++lastId, f.name(), f.type(), f.required(), f.doc()));
      }
      List<NestedField> out = new ArrayList<>();
      for (NestedField f : fields) {
        out.add(new NestedField(f.id(), f.name(), renumber(f.type()), f.required(), f.doc()));
      }
      return new StructType(out);
    } else if (type instanceof ListType l) {
      int id = ++lastId;
      return new ListType(id, renumber(l.elementType()), l.elementRequired());
    } else if (type instanceof MapType m) {
      int k = ++lastId;
      int v = ++lastId;
      return new MapType(k, renumber(m.keyType()), v, renumber(m.valueType()), m.valueRequired());
    }
    return type;
  }

  /**
   * The record as a record of the target struct: values matched by name, promoted where the
   * target type is wider, null where the record lacks the field.
   *
   * @throws SchemaMismatchException naming the field when a value does not fit
   */
  static Record conform(Record record, StructType target) {
    return (Record) value(record, record.struct(), target, "");
  }

  private static Object value(Object v, Type from, Type to, String path) {
    if (v == null || from.equals(to)) {
      return v;
    }
    if (to instanceof StructType ts && v instanceof Record r) {
      Object[] values = new Object[ts.fields().size()];
      for (int i = 0; i < values.length; i++) {
        NestedField f = ts.fields().get(i);
        NestedField in = r.struct().field(f.name());
        values[i] = in == null ? null : value(r.get(r.struct().indexOf(f.name())), in.type(), f.type(), path + f.name());
      }
      for (NestedField in : r.struct().fields()) {
        if (ts.field(in.name()) == null) {
          throw new SchemaMismatchException(path + in.name(), "no such column in the table schema (append with "
              + "mergeSchema(true) to add it)", "a column of type " + in.type());
        }
      }
      return Record.of(ts, values);
    }
    if (to instanceof ListType tl && from instanceof ListType fl && v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object e : list) {
        out.add(value(e, fl.elementType(), tl.elementType(), path + ".element"));
      }
      return out;
    }
    if (to instanceof MapType tm && from instanceof MapType fm && v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put(k, value(x, fm.valueType(), tm.valueType(), path + ".value")));
      return out;
    }
    if (v instanceof Integer i && to == PrimitiveType.LONG) {
      return i.longValue();
    }
    if (v instanceof Float f && to == PrimitiveType.DOUBLE) {
      return f.doubleValue();
    }
    if (v instanceof BigDecimal) {
      return v;
    }
    throw new SchemaMismatchException(path, to.toString(), from + " value " + v);
  }
}

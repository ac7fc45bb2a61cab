package io.tidemark.spec.types;

import java.util.ArrayList;
import java.util.List;

/** Assigns fresh field ids to a tree of fields: the fields of one struct first, then their children. */
final class FieldIds {
  private int next;

  private FieldIds(int lastAssigned) {
    this.next = lastAssigned;
  }

  static List<NestedField> assignFresh(List<NestedField> fields, int lastAssigned) {
    return new FieldIds(lastAssigned).struct(fields);
  }

  private List<NestedField> struct(List<NestedField> fields) {
    int[] ids = new int[fields.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ++next;
    }
    List<NestedField> out = new ArrayList<>(fields.size());
    for (int i = 0; i < ids.length; i++) {
      NestedField f = fields.get(i);
      out.add(new NestedField(ids[i], f.name(), type(f.type()), f.required(), f.doc()));
    }
    return out;
  }

  private Type type(Type type) {
    if (type instanceof StructType s) {
      return new StructType(struct(s.fields()));
    } else if (type instanceof ListType l) {
      int elementId = ++next;
      return new ListType(elementId, type(l.elementType()), l.elementRequired());
    } else if (type instanceof MapType m) {
      int keyId = ++next;
      int valueId = ++next;
      return new MapType(keyId, type(m.keyType()), valueId, type(m.valueType()), m.valueRequired());
    }
    return type;
  }
}

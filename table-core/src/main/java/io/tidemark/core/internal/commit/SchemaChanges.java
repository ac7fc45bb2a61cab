package io.tidemark.core.internal.commit;

import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compares metadata before and after a commit for the conflict rules of spec.md 11.2. */
final class SchemaChanges {
  private SchemaChanges() {}

  /**
   * True when {@code after} differs from {@code before} only by optional fields added to the
   * schema (at any depth, any position among the new fields, old fields in their old order), the
   * schema id and last column id that go with that, and table properties: files written against
   * {@code before} read the same under {@code after}, new columns as null. Properties only tune
   * how writers write (spec.md 12), so files written under the old ones are as valid.
   */
  static boolean onlyAddsOptionalColumnsOrSetsProperties(Metadata before, Metadata after) {
    if (!before.tableId().equals(after.tableId()) || !before.partitionSpecs().equals(after.partitionSpecs())
        || before.defaultSpecId() != after.defaultSpecId() || before.lastPartitionId() != after.lastPartitionId()) {
      return false;
    }
    Set<Integer> oldIds = ids(before.schema());
    return onlyAdds(before.schema().asStruct(), after.schema().asStruct(), oldIds);
  }

  private static Set<Integer> ids(Schema schema) {
    Set<Integer> ids = new java.util.HashSet<>();
    for (int id = 1; id <= schema.highestFieldId(); id++) {
      if (schema.findField(id) != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static boolean onlyAdds(Type before, Type after, Set<Integer> oldIds) {
    if (before instanceof StructType b && after instanceof StructType a) {
      List<NestedField> kept = new ArrayList<>();
      for (NestedField f : a.fields()) {
        if (oldIds.contains(f.id())) {
          kept.add(f);
        } else if (f.required()) {
          return false; // a new required column
        }
      }
      if (kept.size() != b.fields().size()) {
        return false;
      }
      for (int i = 0; i < kept.size(); i++) {
        NestedField o = b.fields().get(i);
        NestedField n = kept.get(i);
        if (o.id() != n.id() || !o.name().equals(n.name()) || o.required() != n.required()
            || !onlyAdds(o.type(), n.type(), oldIds)) {
          return false;
        }
      }
      return true;
    } else if (before instanceof ListType b && after instanceof ListType a) {
      return b.elementId() == a.elementId() && b.elementRequired() == a.elementRequired()
          && onlyAdds(b.elementType(), a.elementType(), oldIds);
    } else if (before instanceof MapType b && after instanceof MapType a) {
      return b.keyId() == a.keyId() && b.valueId() == a.valueId() && b.valueRequired() == a.valueRequired()
          && b.keyType().equals(a.keyType()) && onlyAdds(b.valueType(), a.valueType(), oldIds);
    }
    return before.equals(after);
  }
}

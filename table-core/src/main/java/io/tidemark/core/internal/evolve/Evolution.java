package io.tidemark.core.internal.evolve;

import io.tidemark.core.UpdatePartitionSpec;
import io.tidemark.core.UpdateSchema;
import io.tidemark.core.data.Record;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes schema and partition spec changes. Applications call them through {@code Table}
 * ({@code table.updateSchema()}, {@code table.updateSpec()}); this is the table's way in.
 */
public final class Evolution {
  private Evolution() {}

  /** A pending schema change of the table; it reads the newest version when committed. */
  public static UpdateSchema updateSchema(TableContext table) {
    return new SchemaUpdate(table);
  }

  /** A pending partition spec change of the table; it reads the newest version when committed. */
  public static UpdatePartitionSpec updateSpec(TableContext table) {
    return new SpecUpdate(table);
  }

  /**
   * The metadata of {@code state} with schema changes applied, without committing them: for a
   * transaction, which commits them with other changes. The changes are made on the
   * {@link UpdateSchema} the consumer is given; its {@code commit()} must not be called.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when a change cannot apply
   */
  public static Metadata applySchemaChanges(TableState state, Consumer<UpdateSchema> changes) {
    SchemaUpdate update = new SchemaUpdate(null);
    changes.accept(update);
    return update.applyTo(state);
  }

  /**
   * The metadata of {@code state} with partition spec changes applied (the changed spec becomes
   * the default), without committing them: for a transaction. The changes are made on the
   * {@link UpdatePartitionSpec} the consumer is given; its {@code commit()} must not be called.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when a change cannot apply or the
   *     spec would not change
   */
  public static Metadata applySpecChanges(TableState state, Consumer<UpdatePartitionSpec> changes) {
    SpecUpdate update = new SpecUpdate(null);
    changes.accept(update);
    return update.applyTo(state.metadata());
  }

  /**
   * True when {@code after} has a required field {@code before} lacks: such a change is allowed
   * only on an empty table, so its commit reads the whole table.
   */
  public static boolean addsRequiredColumn(Schema before, Schema after) {
    return SchemaUpdate.addsRequired(before, after);
  }

  /**
   * The metadata of a merge-schema append: {@code base} with the columns of {@code incoming} it
   * lacks added as optional columns (fresh ids, {@code schemaId + 1}), or {@code base} itself when
   * there are none. Columns are matched by name; a column whose type differs and is not a
   * widening of the incoming type is refused.
   *
   * @param added receives the added columns (dotted path and type)
   * @throws io.tidemark.spec.error.SchemaMismatchException naming the column whose type differs
   */
  public static Metadata mergeSchema(Metadata base, StructType incoming, List<String> added) {
    SchemaMerge.Merged merged = SchemaMerge.merge(base, incoming);
    added.addAll(merged.added());
    return merged.metadata();
  }

  /**
   * The record as a record of {@code target}: fields matched by name, int/float/decimal values
   * promoted to a wider target type, fields the record lacks null.
   *
   * @throws io.tidemark.spec.error.SchemaMismatchException naming the field when a value does not
   *     fit or the record has a field the target lacks
   */
  public static Record conform(Record record, StructType target) {
    return SchemaMerge.conform(record, target);
  }
}

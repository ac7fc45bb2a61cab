package io.tidemark.core;

import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Type;

/**
 * A pending schema change: several changes, applied in the order given and committed together by
 * one {@link #commit()} as one metadata-only commit (operation {@code SET SCHEMA}). No data file
 * is rewritten: files are read by field id.
 *
 * <p>Columns are named by their path: a top-level name, or struct members joined by {@code .}
 * ({@code pt.x}); the struct inside a list or map is reached through {@code element},
 * {@code key} or {@code value} ({@code items.element.qty}, {@code attrs.value.unit}). A change
 * that could make existing data unreadable or wrong is refused, when applied by
 * {@link #apply()} or {@link #commit()}, with an
 * {@link io.tidemark.spec.error.InvalidArgumentException} naming the column and the reason; a
 * refused change commits nothing.
 *
 * <pre>{@code
 * table.updateSchema().addColumn("country", Types.STRING).after("id")
 *     .renameColumn("v", "value").widenColumn("n", Types.LONG).commit();
 * }</pre>
 */
public interface UpdateSchema {
  /**
   * Adds an optional column at the end of its struct ({@code a.b} adds {@code b} to struct
   * {@code a}). Ids of the column and of any fields nested in {@code type} are assigned after the
   * table's {@code lastColumnId}. Existing files read it as null.
   */
  UpdateSchema addColumn(String path, Type type);

  /** Adds an optional column with a doc string. */
  UpdateSchema addColumn(String path, Type type, String doc);

  /** Adds a required column: allowed only while the table has no rows. */
  UpdateSchema addRequiredColumn(String path, Type type);

  /** Moves the column added last to the first position of its struct. */
  UpdateSchema first();

  /** Moves the column added last right after {@code ref}, a column of the same struct. */
  UpdateSchema after(String ref);

  /** Moves the column added last right before {@code ref}, a column of the same struct. */
  UpdateSchema before(String ref);

  /** Moves a column to the first position of its struct. */
  UpdateSchema moveFirst(String path);

  /** Moves a column right after {@code ref}, a column of the same struct. */
  UpdateSchema moveAfter(String path, String ref);

  /** Moves a column right before {@code ref}, a column of the same struct. */
  UpdateSchema moveBefore(String path, String ref);

  /**
   * Drops a column (and everything nested in it). Refused for a column a partition spec in use
   * sources and for the last column of a struct.
   */
  UpdateSchema dropColumn(String path);

  /** Renames a column; {@code newName} is a single name (no {@code .}), unused in its struct. */
  UpdateSchema renameColumn(String path, String newName);

  /**
   * Widens a column's type: {@code int → long}, {@code float → double},
   * {@code decimal(p,s) → decimal(p',s)} with {@code p' > p}. Anything else is refused.
   */
  UpdateSchema widenColumn(String path, Type newType);

  /** Makes a required column optional (no-op when it is optional already). */
  UpdateSchema makeOptional(String path);

  /**
   * The schema the changes give against the newest version, without committing.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException naming the first refused change
   */
  Schema apply();

  /**
   * Commits the changes against the newest version: new schema, {@code schemaId + 1}.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException naming the first refused change, or
   *     when nothing would change
   * @throws io.tidemark.spec.error.CommitConflictException when the table changed concurrently
   */
  EvolutionResult commit();
}

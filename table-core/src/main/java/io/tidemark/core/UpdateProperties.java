package io.tidemark.core;

import java.util.Map;

/**
 * A pending change of table properties: keys set and unset, applied in the order given and
 * committed together by one {@link #commit()} as one metadata-only commit (operation
 * {@code SET TBLPROPERTIES}, parameters {@code set} and {@code unset}). It changes how writers
 * behave from the next commit on (file size, codec, retries, checkpoints, log retention); no
 * data file is rewritten.
 *
 * <pre>{@code
 * table.updateProperties().set(TableProperties.COMPRESSION, "zstd").set("user.owner", "ingest")
 *     .unset(TableProperties.CHECKPOINT_INTERVAL).commit();
 * }</pre>
 *
 * <p>Keys are those of {@link TableProperties} and any key starting with
 * {@value TableProperties#USER_PREFIX}; another key is refused with an
 * {@link io.tidemark.spec.error.InvalidArgumentException} naming the closest known key. Values are
 * checked as at creation. Unsetting a key the table does not have is a no-op (it may have been
 * unset concurrently), but the key must still be a valid one or a key the table has, so that a
 * misspelt key is reported rather than ignored. Keys of the table that this writer does not know
 * (written by another implementation) are kept unless unset.
 *
 * <p>The change conflicts with a concurrent change of the table's metadata (schema, spec or
 * properties: retry it against the new metadata) and rebases over concurrent appends.
 */
public interface UpdateProperties {
  /**
   * Sets a property.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the key is unknown (naming the
   *     closest known key) or the value is null
   */
  UpdateProperties set(String key, String value);

  /** Sets several properties, as {@link #set(String, String)} each in the map's order. */
  default UpdateProperties setAll(Map<String, String> properties) {
    properties.forEach(this::set);
    return this;
  }

  /** Removes a property, so that its default applies again; a key the table does not have is a no-op. */
  UpdateProperties unset(String key);

  /**
   * The properties the changes give against the newest version, without committing.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException naming a refused key or value
   */
  Map<String, String> apply();

  /**
   * Commits the changes against the newest version.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException naming a refused key or value, or when
   *     nothing would change (every key set already has its value and every key unset is absent)
   * @throws io.tidemark.spec.error.CommitConflictException when the table's metadata changed concurrently
   */
  CommitResult commit();
}

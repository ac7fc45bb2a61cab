package io.tidemark.core.internal.deletes;

import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Map;

/** How a delete removes rows from a file that also holds rows it keeps (table property {@code write.delete.mode}). */
public enum DeleteMode {
  /** The file is rewritten without the deleted rows. */
  COPY_ON_WRITE("copy-on-write"),
  /** The deleted positions are recorded in the file's deletion vector; the file stays. */
  MERGE_ON_READ("merge-on-read");

  /** The table property. */
  public static final String PROPERTY = "write.delete.mode";

  private final String value;

  DeleteMode(String value) {
    this.value = value;
  }

  /** The property value naming this mode. */
  public String value() {
    return value;
  }

  /**
   * The mode a table's properties ask for; copy-on-write when unset.
   *
   * @throws InvalidArgumentException when the value names no mode
   */
  public static DeleteMode fromProperties(Map<String, String> properties) {
    String v = properties.get(PROPERTY);
    if (v == null) {
      return COPY_ON_WRITE;
    }
    for (DeleteMode mode : values()) {
      if (mode.value.equalsIgnoreCase(v.trim())) {
        return mode;
      }
    }
    throw new InvalidArgumentException("table property " + PROPERTY + " must be copy-on-write or merge-on-read, was '"
        + v + "'");
  }

  /**
   * The protocol a table with these properties needs: merge-on-read adds the deletion vector
   * feature (and it is never taken away, since vectors may remain).
   */
  public static Protocol protocolFor(Protocol current, Map<String, String> properties) {
    return fromProperties(properties) == MERGE_ON_READ ? current.withFeature(Protocol.DELETION_VECTORS) : current;
  }
}

package io.tidemark.core.internal.checkpoint;

import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.TidemarkException;
import java.util.List;

/**
 * A checkpoint was not written because manifests of the checkpoint the state was replayed from
 * no longer exist (a vacuum with log retention removed them after newer checkpoints replaced
 * it, or they were lost) or no longer have the size it records (damaged). Nothing was written;
 * the state must be loaded again from a checkpoint that does not list them.
 */
public final class StaleCheckpointBaseException extends TidemarkException {
  private static final long serialVersionUID = 1L;
  private final List<String> missing;

  /**
   * The exception for a base checkpoint of this version missing some of the manifests reused.
   *
   * @param missing the missing manifests' paths, at least one
   * @param reused how many manifests were to be reused
   */
  public StaleCheckpointBaseException(long baseVersion, List<String> missing, int reused) {
    super("manifests of checkpoint " + baseVersion + " are gone (" + missing.size() + " of " + reused + ", e.g. "
        + missing.get(0) + "): a vacuum removed them, or they are damaged; not writing a checkpoint that would"
        + " list them");
    this.missing = List.copyOf(missing);
  }

  /**
   * The public error this becomes when it would reach a caller (this type is internal): a
   * {@link CorruptLogException} naming the first missing manifest.
   */
  public CorruptLogException toPublic() {
    return new CorruptLogException(missing.get(0), 0, getMessage(), this);
  }

  /** The paths of the missing manifests, relative to the table root. */
  public List<String> missing() {
    return missing;
  }
}

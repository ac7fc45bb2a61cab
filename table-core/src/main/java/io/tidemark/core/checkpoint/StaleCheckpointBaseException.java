package io.tidemark.core.checkpoint;

import io.tidemark.spec.error.TidemarkException;

/**
 * A checkpoint was not written because manifests of the checkpoint the state was replayed from
 * no longer exist (a vacuum with log retention removed them after newer checkpoints replaced
 * it). Nothing was written; the state must be loaded again from the newest checkpoint.
 */
public final class StaleCheckpointBaseException extends TidemarkException {
  private static final long serialVersionUID = 1L;

  /** The exception for a base checkpoint of this version missing these manifests. */
  public StaleCheckpointBaseException(long baseVersion, String missing) {
    super("manifests of checkpoint " + baseVersion + " are gone (" + missing
        + "): a vacuum removed them; not writing a checkpoint that would list them");
  }
}

package io.tidemark.core.internal.checkpoint;

import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TidemarkException;

/**
 * A manifest a checkpoint lists cannot be used: it is missing, damaged (it does not hold what the
 * checkpoint's entry for it says: size, file count, record count, valid adds), or storage failed
 * while reading it. The checkpoint is then unusable (spec 10.4); snapshot states catch this and
 * load their version from an older checkpoint or the log, so it reaches callers only from code
 * that reads manifests directly.
 */
public final class UnreadableManifestException extends CorruptLogException {
  private static final long serialVersionUID = 1L;
  private final String problem;
  private final boolean storageFailure;

  /**
   * A manifest that is missing or damaged.
   *
   * @param manifest the manifest's path relative to the table root
   * @param problem what is wrong with it, e.g. {@code "manifest is missing"}
   * @param cause the error that revealed it, or null
   */
  public UnreadableManifestException(String manifest, String problem, Throwable cause) {
    this(manifest, problem, cause, false);
  }

  /**
   * @param storageFailure true when storage failed while reading it (an I/O error that may pass)
   *     rather than the manifest being missing or damaged
   */
  public UnreadableManifestException(String manifest, String problem, Throwable cause, boolean storageFailure) {
    super(manifest, 0, problem, cause);
    this.problem = problem;
    this.storageFailure = storageFailure;
  }

  /**
   * The public error this becomes when it would reach a caller (this type is internal): a
   * {@link StorageException} when storage failed, else a {@link CorruptLogException} naming the
   * manifest.
   */
  public TidemarkException toPublic() {
    if (storageFailure) {
      return new StorageException("cannot read manifest " + manifest() + ": " + problem, this);
    }
    return new CorruptLogException(manifest(), 0, problem, this);
  }

  /** The manifest's path relative to the table root. */
  public String manifest() {
    return file();
  }

  /** What is wrong with the manifest, e.g. {@code "manifest is missing"}. */
  public String problem() {
    return problem;
  }

  /**
   * True when storage failed while reading the manifest (an I/O error that may pass), false when
   * the manifest is missing or damaged for good.
   */
  public boolean storageFailure() {
    return storageFailure;
  }
}

package io.tidemark.spec.actions;

import io.tidemark.spec.error.InvalidArgumentException;
import java.io.Serializable;
import java.util.Base64;

/**
 * The row positions deleted from one data file (spec.md section 4.7): a deletion vector blob,
 * either stored in a file under the table ({@code path} and {@code offset}) or held inline in the
 * log ({@code inline}, the blob in base64); exactly one of the two is set.
 *
 * @param path the file holding the blob, relative to the table root; null when inline
 * @param offset where the blob starts in that file; 0 when inline
 * @param inline the blob in base64 (RFC 4648, padded); null when stored in a file
 * @param size the blob's length in bytes
 * @param cardinality the number of deleted positions, at least 1
 */
public record DeletionVector(String path, long offset, String inline, long size, long cardinality)
    implements Serializable {
  /**
   * Checks that exactly one storage is given and the numbers are sane.
   *
   * @throws InvalidArgumentException when they are not
   */
  public DeletionVector {
    if ((path == null) == (inline == null)) {
      throw new InvalidArgumentException("a deletion vector has exactly one of 'path' and 'inline'");
    }
    if (path != null) {
      TablePaths.checkRelative(path);
    } else if (offset != 0) {
      throw new InvalidArgumentException("an inline deletion vector has no offset");
    }
    if (offset < 0 || size <= 0 || cardinality < 1) {
      throw new InvalidArgumentException("a deletion vector needs offset >= 0, size > 0 and cardinality >= 1 (got "
          + offset + ", " + size + ", " + cardinality + ")");
    }
    if (inline != null) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(inline);
      } catch (IllegalArgumentException e) {
        throw new InvalidArgumentException("an inline deletion vector is not base64: " + e.getMessage());
      }
      if (bytes.length != size) {
        throw new InvalidArgumentException("an inline deletion vector holds " + bytes.length
            + " bytes where its size says " + size);
      }
    }
  }

  /** A vector stored in a file under the table. */
  public static DeletionVector inFile(String path, long offset, long size, long cardinality) {
    return new DeletionVector(path, offset, null, size, cardinality);
  }

  /** A vector held in the log. */
  public static DeletionVector inline(byte[] blob, long cardinality) {
    return new DeletionVector(null, 0, Base64.getEncoder().encodeToString(blob), blob.length, cardinality);
  }

  /** True when the blob is in the log rather than in a file. */
  public boolean isInline() {
    return inline != null;
  }

  /** The inline blob's bytes. */
  public byte[] inlineBytes() {
    if (inline == null) {
      throw new IllegalStateException("deletion vector in " + path + " is not inline");
    }
    return Base64.getDecoder().decode(inline);
  }
}

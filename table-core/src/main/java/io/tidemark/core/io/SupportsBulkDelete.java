package io.tidemark.core.io;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * A capability of a {@link FileIO}: deleting many files in few requests (S3's
 * {@code DeleteObjects}, up to 1000 keys each). Found with {@code instanceof}; callers go through
 * {@link FileIOs#deleteFiles}, which falls back to one {@link FileIO#delete} per file.
 */
public interface SupportsBulkDelete {
  /**
   * Deletes the files; a file that does not exist is not an error. A file the storage refuses to
   * delete does not stop the others: it is reported.
   *
   * @return the files that could not be deleted, each with the storage's reason; empty when all are gone
   * @throws IOException when the storage failed in a way that says nothing about single files
   *     (some files may be deleted)
   */
  Map<String, String> deleteFiles(Collection<String> locations) throws IOException;
}

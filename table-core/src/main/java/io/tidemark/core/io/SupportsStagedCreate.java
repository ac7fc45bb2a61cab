package io.tidemark.core.io;

import java.io.IOException;

/**
 * A capability of a {@link FileIO} whose exclusive create first writes a temporary copy (local
 * disk): content is written and forced once, and each attempt to publish it is one cheap atomic
 * step. Found with {@code instanceof}; callers go through {@link FileIOs#stage}, which keeps the
 * bytes and calls {@link FileIO#createExclusive} per attempt on other storages.
 */
public interface SupportsStagedCreate {
  /**
   * Makes content ready to be created exclusively at one of several locations in the directory
   * of {@code nearLocation}, tried in turn.
   *
   * @param nearLocation a location in the directory the file will be created in
   * @throws IOException when the content cannot be staged (nothing was created)
   */
  StagedFile stage(String nearLocation, byte[] content) throws IOException;
}

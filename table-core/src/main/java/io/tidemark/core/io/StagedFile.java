package io.tidemark.core.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Content made ready for an exclusive create, which can then be tried at one location after
 * another without being written again: a commit that loses the race for a version retries at the
 * next one with the same bytes. Made by {@link FileIOs#stage}; close it to discard what is left.
 */
public interface StagedFile extends Closeable {
  /**
   * Creates the file at {@code location} with the staged content if and only if no file exists
   * there, with the guarantees of {@link FileIO#createExclusive}. After it returns true the
   * content is published and this staged file cannot be published again.
   *
   * @param location a location in the directory the content was staged for
   * @return true when this call created the file, false when a file already existed
   * @throws IOException when the outcome is not known (the caller must read the file back)
   * @throws IllegalStateException when the content was already published
   */
  boolean publish(String location) throws IOException;

  /**
   * Replaces the content before it is published, where the storage can do so in place: a commit
   * that must change its content between attempts (a later timestamp) then leaves no discarded
   * file behind. The default cannot and returns false; the caller then closes this staged file and
   * stages the new content afresh.
   *
   * @return true when this staged file now holds {@code content}, false when it was left as it was
   * @throws IOException when replacing failed part way; close this staged file, do not publish it
   * @throws IllegalStateException when the content was already published
   */
  default boolean replace(byte[] content) throws IOException {
    return false;
  }

  /** Discards the staged content; the published file, if any, stays. The default does nothing. */
  @Override
  default void close() throws IOException {}
}

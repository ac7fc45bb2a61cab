package io.tidemark.core.io;

/**
 * A file found by listing.
 *
 * @param location the file's full location
 * @param size its size in bytes
 * @param lastModifiedMillis its modification time, epoch milliseconds (never used for time travel)
 */
public record FileEntry(String location, long size, long lastModifiedMillis) {
  /** The last path segment of the location. */
  public String name() {
    int slash = location.lastIndexOf('/');
    return slash < 0 ? location : location.substring(slash + 1);
  }
}

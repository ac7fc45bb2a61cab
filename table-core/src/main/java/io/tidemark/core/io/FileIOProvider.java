package io.tidemark.core.io;

/**
 * Makes a {@link FileIO} for locations of some URI schemes. Found with {@link java.util.ServiceLoader}
 * (for example, table-s3 provides one for {@code s3:}); {@link FileIOs#forLocation} asks each in turn.
 */
public interface FileIOProvider {
  /** True when this provider handles locations with this scheme (lower case, without ':'). */
  boolean supports(String scheme);

  /** A file IO for this location, configured from the environment. */
  FileIO create(String location);
}

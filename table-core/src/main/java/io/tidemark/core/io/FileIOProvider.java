package io.tidemark.core.io;

import java.util.Map;
import java.util.Set;

/**
 * Makes a {@link FileIO} for locations of some URI schemes. Found with {@link java.util.ServiceLoader}
 * (for example, table-s3 provides one for {@code s3:}); {@link FileIOs#forLocation} asks each in turn.
 */
public interface FileIOProvider {
  /** True when this provider handles locations with this scheme (lower case, without ':'). */
  boolean supports(String scheme);

  /**
   * The option keys this provider reads, each under a namespace of its own (e.g.
   * {@code s3.endpoint}). Tables accept these keys in their options besides their own; any other
   * key is refused. The default reads none.
   */
  default Set<String> optionKeys() {
    return Set.of();
  }

  /**
   * A new file IO for this location, configured from the options where they set something and
   * otherwise from the storage's own defaults. The caller owns the file IO and closes it.
   *
   * @param options every option the table was given; the provider reads its own keys and ignores
   *     the others
   * @throws io.tidemark.spec.error.InvalidArgumentException when one of its options has a bad value
   */
  FileIO create(String location, Map<String, String> options);
}

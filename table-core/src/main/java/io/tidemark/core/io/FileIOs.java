package io.tidemark.core.io;

import io.tidemark.spec.error.InvalidArgumentException;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** Chooses a {@link FileIO} for a table location. */
public final class FileIOs {
  private FileIOs() {}

  /** The file IO for a location with the storage's defaults; see {@link #forLocation(String, Map)}. */
  public static FileIO forLocation(String location) {
    return forLocation(location, Map.of());
  }

  /**
   * A new file IO for a location, owned by the caller: {@link LocalFileIO} for a path or a
   * {@code file:} URI, a {@link FileIOProvider} from the classpath when one supports the scheme
   * (given the options), and {@link HadoopFileIO} for any other scheme.
   *
   * @param options options for the storage; keys it does not read are ignored here
   */
  public static FileIO forLocation(String location, Map<String, String> options) {
    String scheme = schemeOf(location);
    if (scheme == null || scheme.equals("file")) {
      return new LocalFileIO();
    }
    for (FileIOProvider provider : ServiceLoader.load(FileIOProvider.class)) {
      if (provider.supports(scheme)) {
        return provider.create(location, options);
      }
    }
    try {
      return new HadoopFileIO();
    } catch (NoClassDefFoundError e) {
      throw new InvalidArgumentException("no file IO for '" + scheme + ":' locations on the classpath"
          + " (Hadoop FileSystem support needs the artifacts the README lists)", e);
    }
  }

  /** The option keys of every {@link FileIOProvider} on the classpath, sorted. */
  public static Set<String> providerOptionKeys() {
    Set<String> keys = new TreeSet<>();
    for (FileIOProvider provider : ServiceLoader.load(FileIOProvider.class)) {
      keys.addAll(provider.optionKeys());
    }
    return keys;
  }

  /**
   * Deletes files with the storage's bulk delete when it {@linkplain SupportsBulkDelete has one},
   * else one at a time; a file that does not exist is not an error, and one that cannot be
   * deleted does not stop the others.
   *
   * @return the files that could not be deleted, each with the reason; empty when all are gone
   * @throws IOException when a bulk delete failed as a whole
   */
  public static Map<String, String> deleteFiles(FileIO io, Collection<String> locations) throws IOException {
    if (locations.isEmpty()) {
      return Map.of();
    }
    if (io instanceof SupportsBulkDelete bulk) {
      return bulk.deleteFiles(locations);
    }
    return deleteOneByOne(io, locations);
  }

  /** One {@link FileIO#delete} per file; failures are collected, not thrown. */
  static Map<String, String> deleteOneByOne(FileIO io, Collection<String> locations) {
    Map<String, String> failed = new LinkedHashMap<>();
    for (String location : locations) {
      try {
        io.delete(location);
      } catch (IOException e) {
        failed.put(location, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
      }
    }
    return failed;
  }

  /**
   * Makes content ready to be created exclusively at one of several locations in the directory
   * of {@code nearLocation}, tried in turn: with the storage's {@link SupportsStagedCreate} when
   * it has it, else by keeping the bytes and calling {@link FileIO#createExclusive} per attempt.
   *
   * @throws IOException when the content cannot be staged (nothing was created)
   */
  public static StagedFile stage(FileIO io, String nearLocation, byte[] content) throws IOException {
    if (io instanceof SupportsStagedCreate staging) {
      return staging.stage(nearLocation, content);
    }
    return inMemory(io, content);
  }

  /** Staged content kept in memory, each attempt an exclusive create of its own. */
  static StagedFile inMemory(FileIO io, byte[] content) {
    return new StagedFile() {
      private byte[] staged = content;
      private boolean published;

      @Override
      public boolean publish(String location) throws IOException {
        if (published) {
          throw new IllegalStateException("staged content was already published");
        }
        published = io.createExclusive(location, staged);
        return published;
      }

      @Override
      public boolean replace(byte[] replacement) {
        if (published) {
          throw new IllegalStateException("staged content was already published");
        }
        staged = replacement;
        return true;
      }
    };
  }

  /** The location's URI scheme in lower case, or null for a plain path (a Windows drive letter is not a scheme). */
  public static String schemeOf(String location) {
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    if (colon <= 1 || (slash >= 0 && slash < colon)) {
      return null;
    }
    return location.substring(0, colon).toLowerCase(Locale.ROOT);
  }
}

package io.tidemark.core.io;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Locale;
import java.util.ServiceLoader;

/** Chooses a {@link FileIO} for a table location. */
public final class FileIOs {
  private FileIOs() {}

  /**
   * The file IO for a location: {@link LocalFileIO} for a path or a {@code file:} URI, a
   * {@link FileIOProvider} from the classpath when one supports the scheme, and
   * {@link HadoopFileIO} for any other scheme.
   */
  public static FileIO forLocation(String location) {
    String scheme = schemeOf(location);
    if (scheme == null || scheme.equals("file")) {
      return new LocalFileIO();
    }
    for (FileIOProvider provider : ServiceLoader.load(FileIOProvider.class)) {
      if (provider.supports(scheme)) {
        return provider.create(location);
      }
    }
    try {
      return new HadoopFileIO();
    } catch (NoClassDefFoundError e) {
      throw new InvalidArgumentException("no file IO for '" + scheme + ":' locations on the classpath"
          + " (Hadoop FileSystem support needs the artifacts the README lists)", e);
    }
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

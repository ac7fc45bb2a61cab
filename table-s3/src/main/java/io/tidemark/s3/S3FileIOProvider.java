package io.tidemark.s3;

import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOProvider;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes {@code s3://} and {@code s3a://} locations work with {@code Tables.open(String)} and
 * {@code Tables.create(String, ...)} when table-s3 is on the classpath (registered for
 * {@link java.util.ServiceLoader}).
 *
 * <p>The endpoint comes from the system property {@value #ENDPOINT_PROPERTY} when set (the CLI
 * sets it from {@code --s3-endpoint}), else from the AWS SDK's configuration
 * ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}); path-style addressing from
 * {@value #PATH_STYLE_PROPERTY} ({@code true}/{@code false}), else on exactly when a custom
 * endpoint is set. Region and credentials come from the SDK's default resolution.
 *
 * <p>File IOs are shared: one per distinct configuration, for the life of the process, so that
 * opening many tables does not make many clients. Closing a shared file IO does nothing.
 */
public final class S3FileIOProvider implements FileIOProvider {
  /** System property naming a custom S3 endpoint, e.g. {@code http://localhost:9000}. */
  public static final String ENDPOINT_PROPERTY = "tidemark.s3.endpoint";
  /** System property forcing path-style addressing on ({@code true}) or off ({@code false}). */
  public static final String PATH_STYLE_PROPERTY = "tidemark.s3.path-style";

  private static final Map<Key, S3FileIO> SHARED = new ConcurrentHashMap<>();

  private record Key(URI endpoint, Boolean pathStyle) {}

  /** Made by {@link java.util.ServiceLoader}. */
  public S3FileIOProvider() {}

  @Override
  public boolean supports(String scheme) {
    return scheme.equals("s3") || scheme.equals("s3a");
  }

  @Override
  public FileIO create(String location) {
    S3Location.parse(location); // fail early on a malformed location
    String endpoint = System.getProperty(ENDPOINT_PROPERTY);
    String pathStyle = System.getProperty(PATH_STYLE_PROPERTY);
    Key key = new Key(endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.strip()),
        pathStyle == null || pathStyle.isBlank() ? null : Boolean.parseBoolean(pathStyle.strip()));
    return SHARED.computeIfAbsent(key, S3FileIOProvider::build);
  }

  private static S3FileIO build(Key key) {
    S3FileIO.Builder builder = S3FileIO.builder();
    if (key.endpoint() != null) {
      builder = builder.endpoint(key.endpoint());
    }
    if (key.pathStyle() != null) {
      builder = builder.pathStyle(key.pathStyle());
    }
    ClientSettings settings = builder.settings();
    return new S3FileIO(ClientFactory.create(settings, System::getenv, System::getProperty), false, settings.partSize());
  }
}

package io.tidemark.s3;

import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOProvider;
import io.tidemark.spec.error.InvalidArgumentException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Makes {@code s3://} and {@code s3a://} locations work with {@code Tables.open(String, ...)} and
 * {@code Tables.create(String, ...)} when table-s3 is on the classpath (registered for
 * {@link java.util.ServiceLoader}).
 *
 * <p>Options (given to the table as {@code TableOptions}): {@value #ENDPOINT} (a custom endpoint,
 * e.g. {@code http://localhost:9000}; else the AWS SDK's own, such as {@code AWS_ENDPOINT_URL_S3}),
 * {@value #PATH_STYLE} ({@code true}/{@code false}; else on exactly when a custom endpoint is set)
 * {@value #REGION} and {@value #CREDENTIALS_PROVIDER} (the class name of an
 * {@code AwsCredentialsProvider}; else the SDK's default chain).
 *
 * <p>Each call makes a new {@link S3FileIO} with its own client, which closing the file IO (or
 * the table that asked for it) closes.
 */
public final class S3FileIOProvider implements FileIOProvider {
  /** Option naming a custom S3 endpoint, e.g. {@code http://localhost:9000}. */
  public static final String ENDPOINT = "s3.endpoint";
  /** Option forcing path-style addressing on ({@code true}) or off ({@code false}). */
  public static final String PATH_STYLE = "s3.path-style";
  /** Option naming the region, e.g. {@code eu-west-1}. */
  public static final String REGION = "s3.region";
  /**
   * Option naming the class of an {@link AwsCredentialsProvider}, made by its public static
   * {@code create()} method or else its public no-argument constructor, e.g.
   * {@code software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider}.
   */
  public static final String CREDENTIALS_PROVIDER = "s3.credentials-provider";

  /** Made by {@link java.util.ServiceLoader}. */
  public S3FileIOProvider() {}

  @Override
  public boolean supports(String scheme) {
    return scheme.equals("s3") || scheme.equals("s3a");
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of(ENDPOINT, PATH_STYLE, REGION, CREDENTIALS_PROVIDER);
  }

  @Override
  public FileIO create(String location, Map<String, String> options) {
    S3Location.parse(location); // fail early on a malformed location
    return builder(options).build();
  }

  /** A builder with the settings these options give; the others stay the SDK's. */
  static S3FileIO.Builder builder(Map<String, String> options) {
    S3FileIO.Builder builder = S3FileIO.builder();
    String endpoint = nonBlank(options.get(ENDPOINT));
    if (endpoint != null) {
      builder = builder.endpoint(endpoint(endpoint));
    }
    String pathStyle = nonBlank(options.get(PATH_STYLE));
    if (pathStyle != null) {
      String value = pathStyle.toLowerCase(Locale.ROOT);
      if (!value.equals("true") && !value.equals("false")) {
        throw new InvalidArgumentException("option " + PATH_STYLE + " must be true or false, was '" + pathStyle + "'");
      }
      builder = builder.pathStyle(Boolean.parseBoolean(value));
    }
    String region = nonBlank(options.get(REGION));
    if (region != null) {
      builder = builder.region(region);
    }
    String credentials = nonBlank(options.get(CREDENTIALS_PROVIDER));
    if (credentials != null) {
      builder = builder.credentials(credentialsProvider(credentials));
    }
    return builder;
  }

  private static URI endpoint(String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() != null && uri.getHost() != null
          && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw new InvalidArgumentException("option " + ENDPOINT + " must be an http:// or https:// URL such as"
        + " http://localhost:9000, was '" + value + "'");
  }

  /**
   * The provider a class name names, loaded by the thread's context class loader first (where
   * engines such as Spark put the jars a job brings), then by this module's.
   */
  static AwsCredentialsProvider credentialsProvider(String className) {
    Class<?> type;
    try {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      type = Class.forName(className, false, context != null ? context : S3FileIOProvider.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      try {
        type = Class.forName(className, false, S3FileIOProvider.class.getClassLoader());
      } catch (ClassNotFoundException again) {
        throw new InvalidArgumentException("option " + CREDENTIALS_PROVIDER + ": no class " + className
            + " on the classpath", again);
      }
    }
    if (!AwsCredentialsProvider.class.isAssignableFrom(type)) {
      throw new InvalidArgumentException("option " + CREDENTIALS_PROVIDER + ": " + className
          + " is not an AwsCredentialsProvider");
    }
    try {
      Method create = type.getMethod("create");
      if (Modifier.isStatic(create.getModifiers()) && type.isAssignableFrom(create.getReturnType())) {
        return (AwsCredentialsProvider) create.invoke(null);
      }
    } catch (NoSuchMethodException e) {
      // no factory method: the constructor below
    } catch (ReflectiveOperationException e) {
      throw cannotMake(className, e);
    }
    try {
      return (AwsCredentialsProvider) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw cannotMake(className, e);
    }
  }

  private static InvalidArgumentException cannotMake(String className, ReflectiveOperationException e) {
    Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
    return new InvalidArgumentException("option " + CREDENTIALS_PROVIDER + ": cannot make a " + className
        + " (it needs a public static create() or a public no-argument constructor): " + cause, cause);
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

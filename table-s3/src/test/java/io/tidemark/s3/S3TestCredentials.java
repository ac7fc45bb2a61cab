package io.tidemark.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The keys of the S3 test server, as a credentials provider a table option names
 * ({@code s3.credentials-provider}): the in-process S3Proxy's throwaway keys, or the SDK's default
 * chain when the tests run against a real endpoint ({@code TIDEMARK_S3_TEST_ENDPOINT}).
 */
public final class S3TestCredentials implements AwsCredentialsProvider {
  private final AwsCredentialsProvider delegate;

  private S3TestCredentials(AwsCredentialsProvider delegate) {
    this.delegate = delegate;
  }

  /** Made by the provider option. */
  public static S3TestCredentials create() {
    String real = System.getenv("TIDEMARK_S3_TEST_ENDPOINT");
    return new S3TestCredentials(real == null || real.isBlank()
        ? () -> AwsBasicCredentials.create(S3TestEnv.ACCESS_KEY, S3TestEnv.SECRET_KEY)
        : DefaultCredentialsProvider.builder().build());
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return delegate.resolveCredentials();
  }
}
